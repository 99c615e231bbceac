package dev.llmobs.instrumentation.googlegenai;

import static dev.llmobs.testing.GenAiKeys.*;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.genai.Client;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.Arrays;
import java.util.Collections;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** A blocking generateContent: one CLIENT chat span with the request, response and usage. */
class GeminiChatTest extends GeminiAgentTest {

  static final AttributeKey<Double> TOP_K = AttributeKey.doubleKey("gen_ai.request.top_k");

  @Test
  void chatSpanHasRequestParametersResponseAndUsage() throws Exception {
    server.enqueue(FakeGemini.json(FakeGemini.hello("resp-1", "gemini-2.5-flash")));

    GenerateContentResponse response =
        client.models.generateContent(
            "gemini-2.5-flash",
            "Say hello",
            GenerateContentConfig.builder()
                .temperature(0.7f)
                .topP(0.9f)
                .topK(40f)
                .maxOutputTokens(256)
                .stopSequences(Arrays.asList("END"))
                .candidateCount(1)
                .seed(7)
                .presencePenalty(0.5f)
                .frequencyPenalty(0.25f)
                .build());

    assertThat(response.text()).isEqualTo("Hello there");
    RecordedRequest request = takeRequest();
    assertThat(request.getPath()).endsWith("models/gemini-2.5-flash:generateContent");
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat gemini-2.5-flash")
                        .hasKind(SpanKind.CLIENT)
                        .hasStatus(StatusData.unset())
                        .hasAttributesSatisfying(
                            equalTo(OPERATION, "chat"),
                            equalTo(PROVIDER, "gcp.gemini"),
                            equalTo(REQUEST_MODEL, "gemini-2.5-flash"),
                            equalTo(STREAM, false),
                            equalTo(TEMPERATURE, 0.7),
                            equalTo(TOP_P, 0.9),
                            equalTo(TOP_K, 40.0),
                            equalTo(MAX_TOKENS, 256L),
                            equalTo(STOP, Collections.singletonList("END")),
                            equalTo(CHOICE_COUNT, 1L),
                            equalTo(SEED, 7L),
                            equalTo(PRESENCE_PENALTY, 0.5),
                            equalTo(FREQUENCY_PENALTY, 0.25),
                            equalTo(RESPONSE_ID, "resp-1"),
                            equalTo(RESPONSE_MODEL, "gemini-2.5-flash"),
                            equalTo(FINISH_REASONS, Collections.singletonList("stop")),
                            // promptTokenCount already includes the 5 cached tokens.
                            equalTo(INPUT_TOKENS, 21L),
                            equalTo(CACHE_READ, 5L),
                            // candidates 7 + thoughts 2
                            equalTo(OUTPUT_TOKENS, 9L),
                            equalTo(REASONING, 2L),
                            equalTo(SERVER_ADDRESS, server.getHostName()),
                            equalTo(SERVER_PORT, (long) server.getPort()))));
  }

  @Test
  void vertexAiClientIsTheVertexProvider() throws Exception {
    server.enqueue(FakeGemini.json(FakeGemini.hello("resp-v", "gemini-2.0-flash-001")));

    try (Client vertex = GeminiClients.vertex(baseUrl())) {
      vertex.models.generateContent("gemini-2.0-flash", "Hi", null);
    }

    assertThat(takeRequest().getPath()).contains("gemini-2.0-flash:generateContent");
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat gemini-2.0-flash")
                        .hasAttributesSatisfying(
                            equalTo(PROVIDER, "gcp.vertex_ai"),
                            equalTo(RESPONSE_MODEL, "gemini-2.0-flash-001"),
                            equalTo(INPUT_TOKENS, 21L))));
  }

  @Test
  void chatSpanIsAChildOfTheApplicationSpan() {
    server.enqueue(FakeGemini.json(FakeGemini.hello("resp-p", "gemini-2.5-flash")));

    testing.runWithSpan(
        "handler", () -> client.models.generateContent("models/gemini-2.5-flash", "Hi", null));

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span -> span.hasName("handler").hasNoParent(),
                span ->
                    span.hasName("chat gemini-2.5-flash")
                        .hasParent(trace.getSpan(0))
                        .hasAttributesSatisfying(
                            equalTo(REQUEST_MODEL, "gemini-2.5-flash"),
                            equalTo(RESPONSE_ID, "resp-p"))));
  }

  @Test
  void finishReasonsAreMappedPerCandidate() {
    server.enqueue(
        FakeGemini.json(
            "{\"candidates\":["
                + FakeGemini.candidate("cut", "MAX_TOKENS")
                + ",{\"content\":{\"role\":\"model\",\"parts\":[]},\"finishReason\":\"SAFETY\","
                + "\"index\":1}],\"usageMetadata\":"
                + FakeGemini.usage(4, null, 3, null)
                + ",\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"resp-f\"}"));

    client.models.generateContent(
        "gemini-2.5-flash", "Hi", GenerateContentConfig.builder().candidateCount(2).build());

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasAttributesSatisfying(
                        equalTo(FINISH_REASONS, Arrays.asList("length", "content_filter")),
                        equalTo(INPUT_TOKENS, 4L),
                        equalTo(OUTPUT_TOKENS, 3L))));
  }
}
