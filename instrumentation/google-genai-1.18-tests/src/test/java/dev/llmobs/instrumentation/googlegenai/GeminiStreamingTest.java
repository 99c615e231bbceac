package dev.llmobs.instrumentation.googlegenai;

import static dev.llmobs.testing.GenAiKeys.*;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.genai.ResponseStream;
import com.google.genai.types.GenerateContentResponse;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * generateContentStream: the span ends when the caller has drained the stream, closes it early, or
 * the stream fails, with the usage and finish reason of the last chunks.
 */
class GeminiStreamingTest extends GeminiAgentTest {

  static final String MODEL = "gemini-2.5-flash";

  void enqueueStreamOf(String id, String... texts) {
    List<String> chunks = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      boolean last = i == texts.length - 1;
      chunks.add(
          FakeGemini.response(
              id,
              MODEL,
              FakeGemini.candidate(texts[i], last ? "STOP" : null),
              // Gemini reports running totals; the last chunk has the whole call's.
              last ? FakeGemini.usage(40, 8, 12, 30) : FakeGemini.usage(40, 8, null, null)));
    }
    server.enqueue(FakeGemini.sse(chunks.toArray(new String[0])));
  }

  @Test
  void drainedStreamHasChunksTimingUsageAndFinishReason() throws Exception {
    enqueueStreamOf("resp-s1", "Hel", "lo ", "there");

    StringBuilder text = new StringBuilder();
    try (ResponseStream<GenerateContentResponse> stream =
        client.models.generateContentStream(MODEL, "Say hello", null)) {
      for (GenerateContentResponse chunk : stream) {
        text.append(chunk.text());
      }
    }

    assertThat(text.toString()).isEqualTo("Hello there");
    assertThat(takeRequest().getPath()).endsWith(":streamGenerateContent?alt=sse");
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat " + MODEL)
                        .hasStatus(StatusData.unset())
                        .hasAttributesSatisfying(
                            equalTo(PROVIDER, "gcp.gemini"),
                            equalTo(STREAM, true),
                            equalTo(RESPONSE_ID, "resp-s1"),
                            equalTo(RESPONSE_MODEL, MODEL),
                            equalTo(FINISH_REASONS, Collections.singletonList("stop")),
                            equalTo(INPUT_TOKENS, 40L),
                            equalTo(CACHE_READ, 8L),
                            equalTo(OUTPUT_TOKENS, 42L),
                            equalTo(REASONING, 30L),
                            equalTo(CHUNK_COUNT, 3L),
                            satisfies(TIME_TO_FIRST_CHUNK, t -> t.isGreaterThanOrEqualTo(0.0)))));
  }

  @Test
  void streamIteratedByHandEndsWhenHasNextSaysNoMore() {
    enqueueStreamOf("resp-s2", "a", "b");

    ResponseStream<GenerateContentResponse> stream =
        client.models.generateContentStream(MODEL, "Hi", null);
    Iterator<GenerateContentResponse> chunks = stream.iterator();
    chunks.next();
    chunks.next();
    assertThat(chunks.hasNext()).isFalse();
    // Closing after the end changes nothing.
    stream.close();

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasStatus(StatusData.unset())
                        .hasAttributesSatisfying(
                            equalTo(CHUNK_COUNT, 2L), equalTo(OUTPUT_TOKENS, 42L))));
  }

  @Test
  void streamClosedEarlyIsCancelled() {
    enqueueStreamOf("resp-s3", "a", "b", "c");

    try (ResponseStream<GenerateContentResponse> stream =
        client.models.generateContentStream(MODEL, "Hi", null)) {
      stream.iterator().next();
    }

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasStatus(StatusData.error())
                        .hasAttributesSatisfying(
                            equalTo(ERROR_TYPE, "cancelled"),
                            equalTo(RESPONSE_ID, "resp-s3"),
                            equalTo(INPUT_TOKENS, 40L),
                            equalTo(CHUNK_COUNT, 1L))));
  }

  @Test
  void errorEventMidStreamFailsTheSpan() {
    server.enqueue(
        FakeGemini.sse(
            FakeGemini.response("resp-s4", MODEL, FakeGemini.candidate("partial", null), null),
            "{\"error\":{\"code\":429,\"message\":\"quota\",\"status\":\"RESOURCE_EXHAUSTED\"}}",
            FakeGemini.response("resp-s4", MODEL, FakeGemini.candidate("never", "STOP"), null)));

    RuntimeException raised = null;
    try (ResponseStream<GenerateContentResponse> stream =
        client.models.generateContentStream(MODEL, "Hi", null)) {
      for (GenerateContentResponse ignored : stream) {
        // consumed until the error
      }
    } catch (RuntimeException e) {
      raised = e;
    }

    if (raised == null) {
      // Older SDKs (1.18 and 1.30 checked) read an error event as an empty chunk and go on: so
      // does the span.
      testing.waitAndAssertTraces(
          trace ->
              trace.hasSpansSatisfyingExactly(
                  span ->
                      span.hasStatus(StatusData.unset())
                          .hasAttributesSatisfying(
                              equalTo(RESPONSE_ID, "resp-s4"),
                              equalTo(FINISH_REASONS, Collections.singletonList("stop")))));
      return;
    }
    assertThat(raised).isInstanceOf(com.google.genai.errors.ApiException.class);
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasStatus(StatusData.error())
                        .hasAttributesSatisfying(
                            equalTo(ERROR_TYPE, "rate_limited"), equalTo(RESPONSE_ID, "resp-s4"))));
  }

  @Test
  void asyncStreamEndsWhenDrained() {
    enqueueStreamOf("resp-s5", "x", "y");

    List<String> texts = new ArrayList<>();
    try (ResponseStream<GenerateContentResponse> stream =
        client.async.models.generateContentStream(MODEL, "Hi", null).join()) {
      for (GenerateContentResponse chunk : stream) {
        texts.add(chunk.text());
      }
    }

    assertThat(texts).containsExactly("x", "y");
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasAttributesSatisfying(
                        equalTo(STREAM, true),
                        equalTo(RESPONSE_ID, "resp-s5"),
                        equalTo(CHUNK_COUNT, 2L),
                        equalTo(OUTPUT_TOKENS, 42L))));
  }

  @Test
  void asyncStreamClosedEarlyIsCancelled() {
    enqueueStreamOf("resp-s6", "x", "y", "z");

    ResponseStream<GenerateContentResponse> stream =
        client.async.models.generateContentStream(MODEL, "Hi", null).join();
    stream.iterator().next();
    stream.close();

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasAttributesSatisfying(
                        equalTo(ERROR_TYPE, "cancelled"), equalTo(CHUNK_COUNT, 1L))));
  }
}
