package dev.llmobs.instrumentation.langchain4j;

import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.llmobs.instrumentation.langchain4j.scenarios.EmbeddingClientUnderTest;
import dev.llmobs.instrumentation.langchain4j.scenarios.EmbeddingScenarios;
import dev.llmobs.instrumentation.langchain4j.scenarios.EmbeddingWire;
import dev.llmobs.instrumentation.langchain4j.scenarios.OpenAiWire;
import java.math.BigDecimal;

/** The embedding scenarios with LangChain4j's OpenAI module. */
class LangChain4jOpenAiEmbeddingTest extends EmbeddingScenarios {

  @Override
  protected EmbeddingWire wire() {
    return new OpenAiWire();
  }

  @Override
  protected String model() {
    return "text-embedding-3-small";
  }

  @Override
  protected double cost(long tokens) {
    // text-embedding-3-small: 0.02 USD per 1M input tokens
    return new BigDecimal("0.02")
        .multiply(BigDecimal.valueOf(tokens))
        .movePointLeft(6)
        .doubleValue();
  }

  @Override
  protected EmbeddingClientUnderTest client() {
    String baseUrl = server.url("/v1").toString();
    return (model, text) ->
        OpenAiEmbeddingModel.builder()
            .baseUrl(baseUrl)
            .apiKey(API_KEY)
            .modelName(model)
            .maxRetries(0)
            .build()
            .embed(text)
            .content()
            .dimension();
  }
}
