package dev.llmobs.instrumentation.langchain4j.scenarios;

import okhttp3.mockwebserver.MockResponse;

/** A provider's embeddings wire format. */
public interface EmbeddingWire {

  String providerName();

  /** One embedding per input of {@code dimensions} numbers; {@code tokens} of input in all. */
  MockResponse embeddings(String model, int inputs, int dimensions, long tokens);

  MockResponse error(int status);
}
