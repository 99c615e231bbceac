package dev.llmobs.instrumentation.springai;

import static dev.llmobs.testing.GenAiKeys.*;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/** Spring AI's {@code EmbeddingModel}: {@code call} and the {@code embed} overloads. */
class SpringAiEmbeddingTest extends SpringAiAgentTest {

  @Test
  void embedWithTheModelsDefaultsIsOnePricedSpan() {
    server.enqueue(FakeLlm.json(FakeLlm.embeddings(ModelSetup.EMBEDDING_MODEL, 8)));
    EmbeddingModel model = SpringAiLine.openAiEmbedding(setup());

    float[] vector = model.embed("hello");

    assertThat(vector).hasSize(3);
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("embeddings " + ModelSetup.EMBEDDING_MODEL)
                        .hasKind(SpanKind.CLIENT)
                        .hasStatus(StatusData.unset())
                        .hasAttributesSatisfying(
                            equalTo(OPERATION, "embeddings"),
                            equalTo(PROVIDER, "openai"),
                            equalTo(REQUEST_MODEL, ModelSetup.EMBEDDING_MODEL),
                            equalTo(RESPONSE_MODEL, ModelSetup.EMBEDDING_MODEL),
                            equalTo(INPUT_TOKENS, 8L),
                            // text-embedding-3-small: 8 x 0.02 USD per 1M tokens
                            equalTo(COST, 1.6e-7),
                            equalTo(COST_CURRENCY, "USD"))));
  }

  @Test
  void callWithRequestOptionsTakesThem() {
    server.enqueue(FakeLlm.json(FakeLlm.embeddings("text-embedding-3-large", 5)));
    EmbeddingModel model = SpringAiLine.openAiEmbedding(setup());

    EmbeddingResponse response =
        model.call(
            new EmbeddingRequest(
                Arrays.asList("one", "two"),
                EmbeddingOptions.builder()
                    .model("text-embedding-3-large")
                    .dimensions(256)
                    .build()));

    assertThat(response.getResults()).hasSize(1);
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("embeddings text-embedding-3-large")
                        .hasAttributesSatisfying(
                            equalTo(REQUEST_MODEL, "text-embedding-3-large"),
                            equalTo(DIMENSIONS, 256L),
                            equalTo(INPUT_TOKENS, 5L))));
    assertThat(genAiSpans(testing.spans())).hasSize(1);
  }

  @Test
  void failedEmbeddingIsAnError() {
    server.enqueue(FakeLlm.error(429, "rate_limit_exceeded"));
    EmbeddingModel model = SpringAiLine.openAiEmbedding(setup());

    assertThatThrownBy(() -> model.embed("hello")).isInstanceOf(RuntimeException.class);

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("embeddings " + ModelSetup.EMBEDDING_MODEL)
                        .hasStatus(StatusData.error())
                        .hasAttributesSatisfying(equalTo(ERROR_TYPE, "rate_limited"))));
  }
}
