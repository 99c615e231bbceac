package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmobs.it.harness.GatewayProcess;
import dev.llmobs.it.harness.OtlpReceiver;
import dev.llmobs.it.harness.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real gateway jar, in its own JVM, with the real llmobs agent jar. */
class GatewayTracingIT {

  static final ObjectMapper json = new ObjectMapper();

  static OtlpReceiver receiver;
  static GatewayProcess gateway;

  @BeforeAll
  static void startGateway() throws Exception {
    receiver = OtlpReceiver.start();
    gateway =
        GatewayProcess.builder(GatewayProcess.requiredFile("llmobs.gateway.jar"))
            .javaagent(GatewayProcess.requiredFile("llmobs.agent.jar"))
            .exportTo(receiver)
            .systemProperty("otel.metrics.exporter", "none")
            .systemProperty("otel.logs.exporter", "none")
            .logFile(workDir().resolve("gateway-llmobs-agent.log"))
            .start();
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  static Path workDir() {
    return Paths.get(System.getProperty("llmobs.work.dir", "target/it-work"));
  }

  @Test
  void chatSpanIsChildOfServerSpanWithGenAiAttributes() throws Exception {
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            "{\"model\":\"gpt-4o-mini\",\"temperature\":0.5,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"trace me\"}]}");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(response.body());
    String responseId = body.path("id").asText();

    List<ReceivedSpan> spans =
        receiver.awaitSpans(
            s ->
                chatSpan(s, responseId).isPresent()
                    && serverSpanOf(s, chatSpan(s, responseId).get()).isPresent(),
            Duration.ofSeconds(30));
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
  }

  @Test
  void malformedRequestIsRejectedWithoutAProviderCall() throws Exception {
    HttpResponse<String> response = gateway.postJson("/v1/chat/completions", "{\"model\":");
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = json.readTree(response.body()).path("error");
    assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.path("message").asText()).contains("not valid JSON");
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
