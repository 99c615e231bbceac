package dev.llmobs.instrumentation.googlegenai;

import static dev.llmobs.testing.GenAiKeys.*;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.genai.types.EmbedContentConfig;
import com.google.genai.types.EmbedContentResponse;
import io.opentelemetry.api.trace.SpanKind;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** embedContent: one embeddings span; Gemini reports no tokens for it, Vertex AI does. */
class GeminiEmbeddingsTest extends GeminiAgentTest {

  @Test
  void geminiEmbeddingsHaveNoUsage() throws Exception {
    server.enqueue(FakeGemini.json(FakeGemini.geminiEmbeddings(2)));

    EmbedContentResponse response =
        client.models.embedContent(
            "gemini-embedding-001",
            Arrays.asList("one", "two"),
            EmbedContentConfig.builder().outputDimensionality(3).build());

    assertThat(response.embeddings().get()).hasSize(2);
    assertThat(takeRequest().getPath()).endsWith("models/gemini-embedding-001:batchEmbedContents");
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("embeddings gemini-embedding-001")
                        .hasKind(SpanKind.CLIENT)
                        .hasAttributesSatisfying(
                            equalTo(OPERATION, "embeddings"),
                            equalTo(PROVIDER, "gcp.gemini"),
                            equalTo(REQUEST_MODEL, "gemini-embedding-001"),
                            equalTo(DIMENSIONS, 3L),
                            equalTo(SERVER_PORT, (long) server.getPort()))
                        .hasAttributesSatisfying(
                            attributes ->
                                io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions
                                    .assertThat(attributes)
                                    .doesNotContainKey(INPUT_TOKENS))));
  }
}
