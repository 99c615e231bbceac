package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmobs.it.harness.AgentGateway;
import dev.llmobs.it.harness.GatewayProcess;
import dev.llmobs.it.harness.OtlpReceiver;
import dev.llmobs.it.harness.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stock upstream agent plus our extension jar alone gives the same chat span. */
class StockAgentWithExtensionIT {

  /** The stock upstream agent instead of ours, with our extension jar beside it. */
  static void stockAgentWithExtension(GatewayProcess.Builder gateway) {
    gateway
        .javaagent(GatewayProcess.requiredFile("llmobs.stock.agent.jar"))
        .systemProperty(
            "otel.javaagent.extensions",
            GatewayProcess.requiredFile("llmobs.extension.jar").toString())
        .systemProperty("otel.metrics.exporter", "none")
        .systemProperty("otel.logs.exporter", "none");
  }

  @Test
  void stockAgentLoadsExtensionJar() throws Exception {
    try (AgentGateway agentGateway =
        AgentGateway.start("stock-agent", StockAgentWithExtensionIT::stockAgentWithExtension)) {
      GatewayProcess gateway = agentGateway.gateway();
      OtlpReceiver receiver = agentGateway.receiver();
      HttpResponse<String> response =
          gateway.postJson(
              "/v1/chat/completions",
              "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"stock\"}]}");
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode body = new ObjectMapper().readTree(response.body());
      String responseId = body.path("id").asText();

      List<ReceivedSpan> spans =
          receiver.awaitSpans(
              s -> ChatTraces.chatSpan(s, responseId).isPresent(), Duration.ofSeconds(30));
      ReceivedSpan chat = ChatTraces.chatSpan(spans, responseId).orElseThrow();
      assertThat(chat.name()).isEqualTo("chat gpt-4o");
      assertThat(chat.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
      assertThat(chat.scopeName()).isEqualTo("dev.llmobs.genai");
      assertThat(chat.attributes())
          .containsEntry("gen_ai.provider.name", "openai")
          .containsEntry("gen_ai.response.model", body.path("model").asText())
          .containsEntry(
              "gen_ai.usage.input_tokens", body.path("usage").path("prompt_tokens").asLong())
          .containsEntry(
              "gen_ai.usage.output_tokens", body.path("usage").path("completion_tokens").asLong());
      receiver.awaitSpans(
          s -> ChatTraces.serverSpanOf(s, chat).isPresent(), Duration.ofSeconds(30));
      // Our extension's defaults switch upstream's openai-java module off with the stock agent
      // too, so there is one GenAI span for the call.
      assertThat(
              receiver.spans().stream()
                  .filter(s -> s.traceId().equals(chat.traceId()))
                  .filter(s -> s.attributes().containsKey("gen_ai.operation.name")))
          .hasSize(1);
    }
  }
}
