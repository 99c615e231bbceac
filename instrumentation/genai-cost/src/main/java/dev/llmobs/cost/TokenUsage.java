package dev.llmobs.cost;

/**
 * The token counts of one call, normalised as on GenAI spans: {@code input} includes cache reads
 * and cache writes, {@code output} includes reasoning.
 */
public final class TokenUsage {

  private final long input;
  private final long cacheRead;
  private final long cacheWrite;
  private final long output;
  private final long reasoning;

  private TokenUsage(long input, long cacheRead, long cacheWrite, long output, long reasoning) {
    this.input = input;
    this.cacheRead = cacheRead;
    this.cacheWrite = cacheWrite;
    this.output = output;
    this.reasoning = reasoning;
  }

  /**
   * @throws IllegalArgumentException for a negative count, cached tokens above the input or
   *     reasoning tokens above the output
   */
  public static TokenUsage of(
      long input, long cacheRead, long cacheWrite, long output, long reasoning) {
    if (input < 0 || cacheRead < 0 || cacheWrite < 0 || output < 0 || reasoning < 0) {
      throw new IllegalArgumentException("token counts cannot be negative");
    }
    if (cacheRead + cacheWrite > input) {
      throw new IllegalArgumentException(
          "cache read ("
              + cacheRead
              + ") + cache write ("
              + cacheWrite
              + ") tokens exceed the input tokens ("
              + input
              + "), which include them");
    }
    if (reasoning > output) {
      throw new IllegalArgumentException(
          "reasoning tokens ("
              + reasoning
              + ") exceed the output tokens ("
              + output
              + "), which include them");
    }
    return new TokenUsage(input, cacheRead, cacheWrite, output, reasoning);
  }

  public long input() {
    return input;
  }

  public long cacheRead() {
    return cacheRead;
  }

  public long cacheWrite() {
    return cacheWrite;
  }

  public long output() {
    return output;
  }

  public long reasoning() {
    return reasoning;
  }

  public long total() {
    return input + output;
  }
}
