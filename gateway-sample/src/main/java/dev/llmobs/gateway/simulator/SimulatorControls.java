package dev.llmobs.gateway.simulator;

import com.sun.net.httpserver.Headers;

/** What a request asks of the simulator through its {@code x-sim-*} headers. */
record SimulatorControls(
    long latencyMs,
    long ttfbMs,
    Integer chunks,
    SimulatedError error,
    SimulatedUsage usage,
    boolean tools) {

  static final String LATENCY = "x-sim-latency-ms";
  static final String TTFB = "x-sim-ttfb-ms";
  static final String CHUNKS = "x-sim-chunks";
  static final String ERROR = "x-sim-error";
  static final String USAGE = "x-sim-usage";
  static final String TOOLS = "x-sim-tools";

  enum SimulatedError {
    NONE,
    RATE_LIMIT,
    SERVER,
    TIMEOUT
  }

  static SimulatorControls from(Headers headers) {
    long latency = millis(headers, LATENCY);
    long ttfb = millis(headers, TTFB);
    Integer chunks = null;
    String chunkHeader = headers.getFirst(CHUNKS);
    if (chunkHeader != null) {
      chunks = (int) number(CHUNKS, chunkHeader);
      if (chunks < 1 || chunks > 10_000) {
        throw new IllegalArgumentException(CHUNKS + " must be between 1 and 10000");
      }
    }
    SimulatedError error = SimulatedError.NONE;
    String errorHeader = headers.getFirst(ERROR);
    if (errorHeader != null) {
      error =
          switch (errorHeader.trim()) {
            case "429" -> SimulatedError.RATE_LIMIT;
            case "500" -> SimulatedError.SERVER;
            case "timeout" -> SimulatedError.TIMEOUT;
            default -> throw new IllegalArgumentException(ERROR + " must be 429, 500 or timeout");
          };
    }
    String usageHeader = headers.getFirst(USAGE);
    SimulatedUsage usage = usageHeader == null ? null : SimulatedUsage.parse(usageHeader);
    String toolsHeader = headers.getFirst(TOOLS);
    boolean tools = true;
    if (toolsHeader != null) {
      tools =
          switch (toolsHeader.trim()) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(TOOLS + " must be on or off");
          };
    }
    return new SimulatorControls(latency, ttfb, chunks, error, usage, tools);
  }

  private static long millis(Headers headers, String name) {
    String value = headers.getFirst(name);
    if (value == null) {
      return 0;
    }
    long millis = number(name, value);
    if (millis < 0 || millis > 600_000) {
      throw new IllegalArgumentException(name + " must be between 0 and 600000");
    }
    return millis;
  }

  private static long number(String name, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is not a number: " + value);
    }
  }
}
