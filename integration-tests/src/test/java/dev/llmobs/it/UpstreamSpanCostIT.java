package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmobs.it.harness.AgentGateway;
import dev.llmobs.it.harness.ExtensionCli;
import dev.llmobs.it.harness.GatewayProcess;
import dev.llmobs.it.harness.OtlpReceiver;
import dev.llmobs.it.harness.ReceivedSpan;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cost on a span that llmobs did not make: the stock agent plus our extension, with upstream's own
 * openai-java instrumentation switched back on and ours off, so the chat span comes from upstream
 * (scope {@code io.opentelemetry.openai-java-1.1}). Upstream declares openai-java [1.1.0,3) in its
 * build-time muzzle range, but the agent's runtime check only matches references, and those still
 * hold for the gateway's 4.x client, so upstream's span does appear; this test pins that.
 */
class UpstreamSpanCostIT {

  @Test
  void costProcessorPricesUpstreamOpenAiSpan() throws Exception {
    ExtensionCli cli = new ExtensionCli(GatewayProcess.requiredFile("llmobs.extension.jar"));
    try (AgentGateway agentGateway =
        AgentGateway.start(
            "upstream-span",
            options -> {
              StockAgentWithExtensionIT.stockAgentWithExtension(options);
              options
                  .systemProperty("otel.instrumentation.openai-java.enabled", "true")
                  .systemProperty("otel.instrumentation.llmobs-openai-java.enabled", "false");
            })) {
      GatewayProcess gateway = agentGateway.gateway();
      OtlpReceiver receiver = agentGateway.receiver();
      JsonNode response =
          UsageEventsIT.chat(gateway, "o3-mini", "upstream span please, with reasoning");
      String id = response.path("id").asText();
      List<ReceivedSpan> spans =
          receiver.awaitSpans(s -> ChatTraces.chatSpan(s, id).isPresent(), Duration.ofSeconds(30));
      ReceivedSpan chat = ChatTraces.chatSpan(spans, id).orElseThrow();
      assertThat(chat.scopeName()).isEqualTo("io.opentelemetry.openai-java-1.1");
      assertThat(chat.scopeName()).doesNotStartWith("dev.llmobs");

      JsonNode usage = response.path("usage");
      long input = usage.path("prompt_tokens").asLong();
      long output = usage.path("completion_tokens").asLong();
      // Upstream's span has input/output tokens only (no cache or reasoning attributes), so the
      // processor prices what it reports: reasoning is part of output at the output price.
      assertThat(chat.attributes())
          .containsEntry("gen_ai.usage.input_tokens", input)
          .containsEntry("gen_ai.usage.output_tokens", output)
          .doesNotContainKey("gen_ai.usage.reasoning.output_tokens");
      String expected = cli.cost("openai", response.path("model").asText(), input, 0, output, 0);
      assertThat(chat.attributes())
          .containsEntry("gen_ai.usage.cost.amount", new BigDecimal(expected).doubleValue())
          .containsEntry("gen_ai.usage.cost.currency", "USD")
          .containsEntry("gen_ai.usage.cost.source", "local");
      assertThat(new BigDecimal(expected)).isPositive();
    }
  }
}
