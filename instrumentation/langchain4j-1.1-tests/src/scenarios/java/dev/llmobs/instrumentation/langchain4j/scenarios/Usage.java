package dev.llmobs.instrumentation.langchain4j.scenarios;

/**
 * Token usage as the span must show it (the semantic conventions' counting: input includes cached
 * tokens, output includes reasoning tokens); each {@link ProviderWire} writes it in its provider's
 * own counting.
 */
public record Usage(long input, long output, Long cacheRead, Long cacheCreation, Long reasoning) {

  public static Usage of(long input, long output) {
    return new Usage(input, output, null, null, null);
  }
}
