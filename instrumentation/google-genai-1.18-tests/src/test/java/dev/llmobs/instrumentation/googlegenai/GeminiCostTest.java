package dev.llmobs.instrumentation.googlegenai;

import static dev.llmobs.testing.GenAiKeys.*;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.types.GenerateContentResponse;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The extension's cost span processor prices google-genai spans from their attributes alone.
 * Expected figures are worked by hand from the vendored catalog, in USD per 1M tokens:
 * gemini-2.5-flash input 0.30, cached input 0.03, output 2.50; gemini-2.0-flash input 0.10, output
 * 0.40; gemini-2.5-pro input 1.25 / 2.50 and output 10 / 15 below / from 200k input tokens;
 * gemini-embedding-001 input 0.15.
 */
class GeminiCostTest extends GeminiAgentTest {

  static final AttributeKey<String> PRICED_AS = AttributeKey.stringKey("llmobs.usage.priced_as");

  void assertCost(String spanName, double cost) {
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName(spanName)
                        .hasAttributesSatisfying(
                            equalTo(COST, cost),
                            equalTo(COST_CURRENCY, "USD"),
                            equalTo(COST_SOURCE, "local"))));
  }

  @Test
  void chatWithCachedInputAndThoughts() throws Exception {
    server.enqueue(
        FakeGemini.json(
            FakeGemini.response(
                "resp-cost-1",
                "gemini-2.5-flash",
                FakeGemini.candidate("Priced", "STOP"),
                FakeGemini.usage(1000, 200, 300, 120))));

    client.models.generateContent("gemini-2.5-flash", "price me", null);

    // (1000 - 200) x 0.30 + 200 x 0.03 + (300 + 120) x 2.50 = 240 + 6 + 1050 = 1296 per 1M
    assertCost("chat gemini-2.5-flash", 0.001296);
    LogRecordData usage = awaitUsageEvent("resp-cost-1");
    assertThat(usage)
        .hasAttributesSatisfying(
            equalTo(PROVIDER, "gcp.gemini"),
            equalTo(INPUT_TOKENS, 1000L),
            equalTo(OUTPUT_TOKENS, 420L),
            equalTo(CACHE_READ, 200L),
            equalTo(REASONING, 120L),
            equalTo(COST, 0.001296),
            equalTo(PRICED_AS, "google/gemini-2.5-flash"));
  }

  @Test
  void streamedChat() {
    server.enqueue(
        FakeGemini.sse(
            FakeGemini.response(
                "resp-cost-2",
                "gemini-2.0-flash",
                FakeGemini.candidate("Pri", null),
                FakeGemini.usage(2000, null, null, null)),
            FakeGemini.response(
                "resp-cost-2",
                "gemini-2.0-flash",
                FakeGemini.candidate("ced", "STOP"),
                FakeGemini.usage(2000, null, 500, null))));

    try (ResponseStream<GenerateContentResponse> stream =
        client.models.generateContentStream("gemini-2.0-flash", "price me", null)) {
      stream.forEach(chunk -> {});
    }

    // 2000 x 0.10 + 500 x 0.40 = 200 + 200 = 400 per 1M
    assertCost("chat gemini-2.0-flash", 0.0004);
  }

  @Test
  void longPromptIsPricedAtTheUpperTier() {
    server.enqueue(
        FakeGemini.json(
            FakeGemini.response(
                "resp-cost-3",
                "gemini-2.5-pro",
                FakeGemini.candidate("Long", "STOP"),
                FakeGemini.usage(250_000, null, 1000, null))));

    client.async.models.generateContent("gemini-2.5-pro", "a very long prompt", null).join();

    // 250000 x 2.50 + 1000 x 15 = 625000 + 15000 = 640000 per 1M
    assertCost("chat gemini-2.5-pro", 0.64);
  }

  @Test
  void vertexEmbeddingsArePricedFromTheirTokenCounts() throws Exception {
    server.enqueue(FakeGemini.json(FakeGemini.vertexEmbeddings(7, 5)));

    try (Client vertex = GeminiClients.vertex(baseUrl())) {
      vertex.models.embedContent("gemini-embedding-001", "embed me", null);
    }

    // (7 + 5) x 0.15 = 1.8 per 1M
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("embeddings gemini-embedding-001")
                        .hasAttributesSatisfying(
                            equalTo(PROVIDER, "gcp.vertex_ai"),
                            equalTo(INPUT_TOKENS, 12L),
                            equalTo(COST, 0.0000018))));
  }

  static LogRecordData awaitUsageEvent(String responseId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<LogRecordData> found =
          testing.logRecords().stream()
              .filter(r -> responseId.equals(r.getAttributes().get(RESPONSE_ID)))
              .findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no usage event for " + responseId + " in " + testing.logRecords());
  }
}
