package dev.llmobs.instrumentation.langchain4j.scenarios;

/** The framework or SDK call the embedding scenarios drive, set up for one fake server. */
public interface EmbeddingClientUnderTest {

  /** Embeds {@code text}; returns the embedding's dimension and throws what the client throws. */
  int embed(String model, String text);
}
