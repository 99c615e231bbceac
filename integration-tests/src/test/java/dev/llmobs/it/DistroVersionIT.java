package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmobs.it.harness.AgentGateway;
import dev.llmobs.it.harness.GatewayProcess;
import dev.llmobs.it.harness.OtlpReceiver;
import dev.llmobs.it.harness.ReceivedSpan;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An operator knows which build made a span: the resource names llmobs and its version, and the
 * agent logs both versions once at start. With the llmobs agent jar and with the stock agent plus
 * the extension jar.
 */
class DistroVersionIT {

  static final String VERSION = required("llmobs.version");
  static final String UPSTREAM_VERSION = required("llmobs.upstream.agent.version");

  @Test
  void llmobsAgentJar() throws Exception {
    assertVersionsVisible(
        GatewayProcess.builder(GatewayProcess.requiredFile("llmobs.gateway.jar"))
            .javaagent(GatewayProcess.requiredFile("llmobs.agent.jar")),
        "gateway-version-llmobs-agent.log");
  }

  @Test
  void stockAgentWithExtensionJar() throws Exception {
    assertVersionsVisible(
        GatewayProcess.builder(GatewayProcess.requiredFile("llmobs.gateway.jar"))
            .javaagent(GatewayProcess.requiredFile("llmobs.stock.agent.jar"))
            .systemProperty(
                "otel.javaagent.extensions",
                GatewayProcess.requiredFile("llmobs.extension.jar").toString()),
        "gateway-version-stock-agent.log");
  }

  static void assertVersionsVisible(GatewayProcess.Builder builder, String logName)
      throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        GatewayProcess gateway =
            builder
                .exportTo(receiver)
                .systemProperty("otel.metrics.exporter", "none")
                .systemProperty("otel.logs.exporter", "none")
                .logFile(AgentGateway.workDir().resolve(logName))
                .start()) {
      HttpResponse<String> response =
          gateway.postJson(
              "/v1/chat/completions",
              "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"v\"}]}");
      assertThat(response.statusCode()).isEqualTo(200);
      String responseId = new ObjectMapper().readTree(response.body()).path("id").asText();

      List<ReceivedSpan> spans =
          receiver.awaitSpans(
              s -> ChatTraces.chatSpan(s, responseId).isPresent(), Duration.ofSeconds(30));
      ReceivedSpan chat = ChatTraces.chatSpan(spans, responseId).orElseThrow();
      assertThat(chat.resourceAttributes())
          .containsEntry("telemetry.distro.name", "llmobs")
          .containsEntry("telemetry.distro.version", VERSION)
          // The SDK's own identity is untouched.
          .containsEntry("telemetry.sdk.name", "opentelemetry");
      // Every span of the process has the same resource, upstream's server span included.
      assertThat(spans)
          .allSatisfy(
              span ->
                  assertThat(span.resourceAttributes())
                      .containsEntry("telemetry.distro.name", "llmobs"));

      String line = "llmobs " + VERSION + " (upstream agent " + UPSTREAM_VERSION + ")";
      Matcher lines = Pattern.compile(Pattern.quote(line)).matcher(gateway.logText());
      int count = 0;
      while (lines.find()) {
        count++;
      }
      assertThat(count).as("'%s' in %s", line, gateway.logFile()).isEqualTo(1);
      // Beside upstream's own version line, from the agent's logger.
      assertThat(gateway.logText())
          .containsPattern(
              "\\[otel\\.javaagent [^\\]]*\\] \\[[^\\]]+\\] INFO \\S+ - " + Pattern.quote(line));
    }
  }

  static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException("system property " + property + " is not set");
    }
    return value;
  }
}
