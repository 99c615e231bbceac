package dev.llmobs.gateway.simulator;

import java.util.Locale;

/**
 * Token usage in provider-neutral terms: {@code input} counts every prompt token (cached and
 * cache-written ones too) and {@code output} every generated token (reasoning too). The wire
 * formats derive each provider's own semantics from it.
 */
record SimulatedUsage(long input, long cached, long cacheWrite, long output, long reasoning) {

  SimulatedUsage {
    if (input < 0 || cached < 0 || cacheWrite < 0 || output < 0 || reasoning < 0) {
      throw new IllegalArgumentException("token counts must not be negative");
    }
    if (cached + cacheWrite > input) {
      throw new IllegalArgumentException("cached + cache_write must not exceed input");
    }
    if (reasoning > output) {
      throw new IllegalArgumentException("reasoning must not exceed output");
    }
  }

  /** Anthropic's {@code input_tokens}: the prompt tokens neither read from nor written to cache. */
  long uncachedInput() {
    return input - cached - cacheWrite;
  }

  /** Parses {@code input=N,cached=N,cache_write=N,output=N,reasoning=N}; missing keys are 0. */
  static SimulatedUsage parse(String header) {
    long input = 0;
    long cached = 0;
    long cacheWrite = 0;
    long output = 0;
    long reasoning = 0;
    for (String part : header.split(",")) {
      String[] pair = part.trim().split("=", 2);
      if (pair.length != 2) {
        throw new IllegalArgumentException(
            "x-sim-usage: expected key=N, got '" + part.trim() + "'");
      }
      long value;
      try {
        value = Long.parseLong(pair[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("x-sim-usage: " + pair[0].trim() + " is not a number");
      }
      switch (pair[0].trim().toLowerCase(Locale.ROOT)) {
        case "input" -> input = value;
        case "cached" -> cached = value;
        case "cache_write" -> cacheWrite = value;
        case "output" -> output = value;
        case "reasoning" -> reasoning = value;
        default -> throw new IllegalArgumentException("x-sim-usage: unknown key " + pair[0].trim());
      }
    }
    return new SimulatedUsage(input, cached, cacheWrite, output, reasoning);
  }
}
