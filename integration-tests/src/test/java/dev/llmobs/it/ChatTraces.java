package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmobs.it.harness.OtlpReceiver;
import dev.llmobs.it.harness.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One chat completion's trace as an operator sees it, wherever the spans were received (the in-test
 * OTLP receiver, a real collector's file exporter): server span, GenAI span, the SDK's HTTP client
 * span.
 */
final class ChatTraces {

  /** The request whose trace {@link #assertChatTrace} checks. */
  static final String REQUEST =
      "{\"model\":\"gpt-4o-mini\",\"temperature\":0.5,"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"trace me\"}]}";

  private ChatTraces() {}

  /** Waits for the trace of the call that answered {@code responseId} to be {@link #complete}. */
  static List<ReceivedSpan> await(OtlpReceiver receiver, String responseId)
      throws InterruptedException {
    return receiver.awaitSpans(s -> complete(s, responseId), Duration.ofSeconds(30));
  }

  /** The GenAI span, its server parent and its HTTP child have all arrived. */
  static boolean complete(List<ReceivedSpan> spans, String responseId) {
    Optional<ReceivedSpan> chat = chatSpan(spans, responseId);
    return chat.isPresent()
        && serverSpanOf(spans, chat.get()).isPresent()
        && spans.stream().anyMatch(s -> s.parentSpanId().equals(chat.get().spanId()));
  }

  /** Checks the trace of {@link #REQUEST} answered by {@code body}; returns its GenAI span. */
  static ReceivedSpan assertChatTrace(List<ReceivedSpan> spans, JsonNode body) {
    String responseId = body.path("id").asText();
    ReceivedSpan chat = chatSpan(spans, responseId).orElseThrow();
    ReceivedSpan server = serverSpanOf(spans, chat).orElseThrow();

    assertThat(server.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
    assertThat(server.name()).isEqualTo("POST /v1/chat/completions");
    assertThat(chat.name()).isEqualTo("chat gpt-4o-mini");
    assertThat(chat.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
    assertThat(chat.span().getStatus().getCode()).isNotEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(chat.attributes())
        .containsEntry("gen_ai.operation.name", "chat")
        .containsEntry("gen_ai.provider.name", "openai")
        .containsEntry("gen_ai.request.model", "gpt-4o-mini")
        .containsEntry("gen_ai.request.temperature", 0.5)
        .containsEntry("gen_ai.response.model", body.path("model").asText())
        .containsEntry("gen_ai.response.id", responseId)
        .containsEntry("gen_ai.response.finish_reasons", List.of("stop"))
        .containsEntry(
            "gen_ai.usage.input_tokens", body.path("usage").path("prompt_tokens").asLong())
        .containsEntry(
            "gen_ai.usage.output_tokens", body.path("usage").path("completion_tokens").asLong())
        .containsEntry("server.address", "127.0.0.1")
        .containsKey("server.port")
        .doesNotContainKey("error.type");
    assertThat((Long) chat.attribute("server.port")).isPositive();
    // The OkHttp client span of the SDK stays, as a child of ours.
    assertThat(spans)
        .anySatisfy(
            s -> {
              assertThat(s.parentSpanId()).isEqualTo(chat.spanId());
              assertThat(s.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
              assertThat(s.attributes()).containsKey("http.request.method");
            });
    // One GenAI span per call: upstream's own openai-java instrumentation is off in the distro.
    assertThat(
            spans.stream()
                .filter(s -> s.traceId().equals(chat.traceId()))
                .filter(s -> s.attributes().containsKey("gen_ai.operation.name")))
        .hasSize(1);
    assertThat(chat.resourceAttributes()).containsEntry("service.name", "gateway-sample");
    return chat;
  }

  static Optional<ReceivedSpan> chatSpan(List<ReceivedSpan> spans, String responseId) {
    return spans.stream()
        .filter(s -> responseId.equals(s.attribute("gen_ai.response.id")))
        .findFirst();
  }

  static Optional<ReceivedSpan> serverSpanOf(List<ReceivedSpan> spans, ReceivedSpan child) {
    return spans.stream()
        .filter(s -> s.spanId().equals(child.parentSpanId()))
        .filter(s -> s.kind() == Span.SpanKind.SPAN_KIND_SERVER)
        .findFirst();
  }
}
