package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmobs.it.harness.AgentGateway;
import dev.llmobs.it.harness.ExtensionCli;
import dev.llmobs.it.harness.GatewayProcess;
import dev.llmobs.it.harness.OtlpReceiver;
import dev.llmobs.it.harness.ReceivedSpan;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Usage events end to end: the gateway with the llmobs agent writes one JSON line per chat call to
 * {@code otel.instrumentation.genai.usage.file}; tokens match the HTTP response, cost matches the
 * CLI's figure for the same usage, trace and span ids match the exported chat span, and the chat
 * span carries the same cost.
 */
class UsageEventsIT {

  static final ObjectMapper json = new ObjectMapper();

  @Test
  void oneJsonLinePerCallMatchingResponseSpanAndCli() throws Exception {
    Path usageFile = AgentGateway.workDir().resolve("usage-events/usage.jsonl");
    Files.deleteIfExists(usageFile);
    ExtensionCli cli = new ExtensionCli(GatewayProcess.requiredFile("llmobs.extension.jar"));
    try (AgentGateway agentGateway =
        AgentGateway.start(
            "usage-events",
            options ->
                options
                    .systemProperty("otel.metrics.exporter", "none")
                    .systemProperty("otel.logs.exporter", "none")
                    .systemProperty(
                        "otel.instrumentation.genai.usage.file", usageFile.toString()))) {
      GatewayProcess gateway = agentGateway.gateway();
      OtlpReceiver receiver = agentGateway.receiver();
      List<JsonNode> responses = new ArrayList<>();
      // Plain chat; a reasoning model; a prompt long enough for the simulator to report cached
      // tokens. The first call carries a tenant as W3C baggage.
      responses.add(chat(gateway, "gpt-4o", "usage one", "baggage", "tenant=acme-corp"));
      responses.add(chat(gateway, "o3-mini", "usage two, think hard"));
      responses.add(chat(gateway, "gpt-4o-mini", "long prompt ".repeat(400)));

      List<JsonNode> lines = awaitLines(usageFile, responses.size());
      assertThat(lines).hasSize(responses.size());
      for (JsonNode response : responses) {
        String id = response.path("id").asText();
        JsonNode line =
            lines.stream()
                .filter(l -> id.equals(l.path("request_id").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no usage line for " + id + " in " + lines));
        JsonNode usage = response.path("usage");
        long input = usage.path("prompt_tokens").asLong();
        long cached = usage.path("prompt_tokens_details").path("cached_tokens").asLong();
        long output = usage.path("completion_tokens").asLong();
        long reasoning = usage.path("completion_tokens_details").path("reasoning_tokens").asLong();
        assertThat(line.path("input_tokens").asLong()).isEqualTo(input);
        assertThat(line.path("output_tokens").asLong()).isEqualTo(output);
        assertThat(line.path("cache_read_tokens").asLong()).isEqualTo(cached);
        assertThat(line.path("reasoning_tokens").asLong()).isEqualTo(reasoning);
        assertThat(line.path("total_tokens").asLong())
            .isEqualTo(usage.path("total_tokens").asLong());
        assertThat(line.path("provider").asText()).isEqualTo("openai");
        assertThat(line.path("operation").asText()).isEqualTo("chat");
        assertThat(line.path("response_model").asText()).isEqualTo(response.path("model").asText());
        assertThat(line.path("effective_model").asText())
            .isEqualTo(response.path("model").asText());
        assertThat(line.path("outcome").asText()).isEqualTo("success");
        assertThat(line.path("finish_reasons").get(0).asText()).isEqualTo("stop");
        assertThat(line.path("currency").asText()).isEqualTo("USD");
        assertThat(line.path("latency_ms").asDouble()).isPositive();

        String cliCost =
            cli.cost("openai", response.path("model").asText(), input, cached, output, reasoning);
        assertThat(line.path("cost").decimalValue()).isEqualByComparingTo(new BigDecimal(cliCost));

        ReceivedSpan span = awaitChatSpan(receiver, id);
        assertThat(line.path("trace_id").asText()).isEqualTo(span.traceId());
        assertThat(line.path("span_id").asText()).isEqualTo(span.spanId());
        assertThat(span.attributes())
            .containsEntry("gen_ai.usage.cost.amount", new BigDecimal(cliCost).doubleValue())
            .containsEntry("gen_ai.usage.cost.currency", "USD")
            .containsEntry("gen_ai.usage.cost.source", "local");
      }
      assertThat(lines.get(0).path("tenant").asText()).isEqualTo("acme-corp");
      assertThat(lines.stream().filter(l -> l.has("tenant"))).hasSize(1);
      // The long prompt really exercised cached pricing.
      assertThat(lines)
          .anySatisfy(l -> assertThat(l.path("cache_read_tokens").asLong()).isPositive());
      assertThat(lines)
          .anySatisfy(l -> assertThat(l.path("reasoning_tokens").asLong()).isPositive());
    }
  }

  static JsonNode chat(GatewayProcess gateway, String model, String prompt, String... headers)
      throws Exception {
    ObjectNode request = json.createObjectNode().put("model", model);
    request.putArray("messages").addObject().put("role", "user").put("content", prompt);
    HttpResponse<String> response =
        gateway.postJson("/v1/chat/completions", json.writeValueAsString(request), headers);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  static List<JsonNode> awaitLines(Path file, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<JsonNode> lines = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      lines.clear();
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            lines.add(json.readTree(line));
          }
        }
      }
      if (lines.size() >= count) {
        return lines;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("expected " + count + " usage lines in " + file + ", got " + lines);
  }

  static ReceivedSpan awaitChatSpan(OtlpReceiver receiver, String responseId) throws Exception {
    List<ReceivedSpan> spans =
        receiver.awaitSpans(
            s -> ChatTraces.chatSpan(s, responseId).isPresent(), Duration.ofSeconds(30));
    Optional<ReceivedSpan> span = ChatTraces.chatSpan(spans, responseId);
    return span.orElseThrow();
  }
}
