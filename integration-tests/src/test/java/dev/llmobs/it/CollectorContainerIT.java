package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmobs.it.harness.GatewayProcess;
import dev.llmobs.it.harness.OtlpJson;
import dev.llmobs.it.harness.ReceivedSpan;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The trace assertions of {@link GatewayTracingIT} through a real OpenTelemetry Collector (contrib,
 * file exporter) instead of the in-test receiver. Skipped, saying why, when there is no Docker
 * engine; {@link GatewayTracingIT} makes the same assertions on the in-test receiver always.
 */
@Testcontainers(disabledWithoutDocker = true)
class CollectorContainerIT {

  static final String CONFIG =
      String.join(
          "\n",
          "receivers:",
          "  otlp:",
          "    protocols:",
          "      http:",
          "        endpoint: 0.0.0.0:4318",
          "exporters:",
          "  file:",
          "    path: /tmp/otel/traces.json",
          "    flush_interval: 100ms",
          "service:",
          "  pipelines:",
          "    traces:",
          "      receivers: [otlp]",
          "      exporters: [file]",
          "");

  @Container
  static final GenericContainer<?> collector =
      new GenericContainer<>(DockerImageName.parse("otel/opentelemetry-collector-contrib:0.130.0"))
          .withCopyToContainer(Transferable.of(CONFIG), "/etc/otelcol-contrib/config.yaml")
          // The image is FROM scratch with no /tmp: make the directory, and write as root.
          .withCopyToContainer(Transferable.of(""), "/tmp/otel/.keep")
          .withCreateContainerCmdModifier(cmd -> cmd.withUser("0"))
          .withExposedPorts(4318)
          .waitingFor(Wait.forLogMessage(".*Everything is ready.*", 1));

  @Test
  void chatTraceThroughARealCollector() throws Exception {
    try (GatewayProcess gateway =
        GatewayProcess.builder(GatewayProcess.requiredFile("llmobs.gateway.jar"))
            .javaagent(GatewayProcess.requiredFile("llmobs.agent.jar"))
            .systemProperty(
                "otel.exporter.otlp.endpoint",
                "http://" + collector.getHost() + ":" + collector.getMappedPort(4318))
            .systemProperty("otel.exporter.otlp.protocol", "http/protobuf")
            .systemProperty("otel.bsp.schedule.delay", "200")
            .systemProperty("otel.metrics.exporter", "none")
            .systemProperty("otel.logs.exporter", "none")
            .start()) {
      HttpResponse<String> response = gateway.postJson("/v1/chat/completions", ChatTraces.REQUEST);
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode body = new ObjectMapper().readTree(response.body());
      String responseId = body.path("id").asText();

      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      List<ReceivedSpan> spans = List.of();
      while (!ChatTraces.complete(spans, responseId) && System.nanoTime() < deadline) {
        Thread.sleep(250);
        spans = collectedSpans();
      }
      ChatTraces.assertChatTrace(spans, body);
    }
  }

  static List<ReceivedSpan> collectedSpans() throws Exception {
    try {
      String lines =
          collector.copyFileFromContainer(
              "/tmp/otel/traces.json", in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return OtlpJson.spans(lines);
    } catch (RuntimeException notWrittenYet) {
      return List.of();
    }
  }
}
