package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmobs.it.demo.AgentLoopApp;
import dev.llmobs.it.harness.AgentApp;
import dev.llmobs.it.harness.AgentGateway;
import dev.llmobs.it.harness.GatewayProcess;
import dev.llmobs.it.harness.ReceivedMetricPoint;
import dev.llmobs.it.harness.ReceivedSpan;
import dev.llmobs.it.harness.SpanTree;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An agent loop end to end with the distribution jar: the demo's LangChain4j AI Service (two tools)
 * in a JVM of its own under the agent, its model the gateway (under the agent too) whose simulator
 * asks for a tool, then answers with its result. The application's trace is {@code invoke_agent}
 * around a chat, the tool's {@code execute_tool} and a second chat, each chat continued by the
 * gateway; tool durations reach the metrics; no argument or result leaves without content capture.
 */
class AgentLoopIT {

  static final String APP = "agent-loop-app";

  static AgentGateway fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture =
        AgentGateway.start(
            "agent-loop",
            gateway ->
                gateway
                    .systemProperty("otel.service.name", "llmobs-gateway")
                    .systemProperty("otel.metrics.exporter", "none")
                    .systemProperty("otel.logs.exporter", "none"));
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void aiServiceWithToolsIsOneTraceAcrossBothProcesses() throws Exception {
    List<String> output =
        AgentApp.run(
            GatewayProcess.requiredFile("llmobs.agent.jar"),
            System.getProperty("java.class.path"),
            fixture.receiver(),
            APP,
            Map.of("otel.metrics.exporter", "otlp", "otel.metric.export.interval", "500"),
            AgentGateway.workDir().resolve("agent-loop-app.log"),
            AgentLoopApp.class.getName(),
            "http://127.0.0.1:" + fixture.gateway().port() + "/v1");
    assertThat(output).anySatisfy(line -> assertThat(line).startsWith("agent answered: "));

    List<ReceivedSpan> spans =
        fixture
            .receiver()
            .awaitSpans(
                s -> appSpans(s).size() == 4 && gatewayServerSpans(s).size() >= 2,
                Duration.ofSeconds(30));
    String tree = SpanTree.render(spans);
    List<ReceivedSpan> app = appSpans(spans);
    ReceivedSpan agent = named(app, "invoke_agent TravelAssistant");
    assertThat(agent.kind()).as(tree).isEqualTo(Span.SpanKind.SPAN_KIND_INTERNAL);
    assertThat(agent.attributes())
        .containsEntry("gen_ai.operation.name", "invoke_agent")
        .containsEntry("gen_ai.agent.name", "TravelAssistant")
        .containsEntry("gen_ai.provider.name", "openai");
    List<ReceivedSpan> chats =
        app.stream().filter(s -> s.name().equals("chat gpt-4o-mini")).collect(Collectors.toList());
    ReceivedSpan tool =
        app.stream().filter(s -> s.name().startsWith("execute_tool ")).findFirst().orElseThrow();
    assertThat(chats).as(tree).hasSize(2);
    for (ReceivedSpan child : List.of(chats.get(0), tool, chats.get(1))) {
      assertThat(child.parentSpanId()).as(tree).isEqualTo(agent.spanId());
      assertThat(child.traceId()).isEqualTo(agent.traceId());
    }
    // The simulator calls the first tool offered, then answers with its result.
    assertThat(chats.get(0).attribute("gen_ai.response.finish_reasons"))
        .isEqualTo(List.of("tool_call"));
    assertThat(chats.get(1).attribute("gen_ai.response.finish_reasons")).isEqualTo(List.of("stop"));
    assertThat(tool.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_INTERNAL);
    assertThat(tool.attributes())
        .containsEntry("gen_ai.operation.name", "execute_tool")
        .containsEntry("gen_ai.tool.type", "function")
        .containsKey("gen_ai.tool.call.id")
        .doesNotContainKey("gen_ai.tool.call.arguments")
        .doesNotContainKey("gen_ai.tool.call.result");
    assertThat((String) tool.attribute("gen_ai.tool.name")).isIn("weather", "localTime");
    assertThat(tool.span().getStartTimeUnixNano())
        .isGreaterThan(chats.get(0).span().getEndTimeUnixNano() - 1);
    for (ReceivedSpan span : app) {
      assertThat(span.attributes().toString()).doesNotContain("Lisbon").doesNotContain("sunny");
    }
    // Each chat is continued by the gateway in the same trace.
    for (ReceivedSpan chat : chats) {
      assertThat(
              gatewayServerSpans(spans).stream()
                  .anyMatch(s -> LangChain4jGatewayIT.isBelow(s, chat, spans)))
          .as(tree)
          .isTrue();
    }

    List<ReceivedMetricPoint> points =
        fixture
            .receiver()
            .awaitMetricPoints(p -> !toolDurations(p).isEmpty(), Duration.ofSeconds(30));
    ReceivedMetricPoint duration = toolDurations(points).get(0);
    assertThat(duration.attribute("gen_ai.tool.name"))
        .isEqualTo(tool.attribute("gen_ai.tool.name"));
    assertThat(duration.count()).isGreaterThanOrEqualTo(1);
  }

  static List<ReceivedMetricPoint> toolDurations(List<ReceivedMetricPoint> points) {
    return points.stream()
        .filter(p -> p.name().equals("gen_ai.client.operation.duration"))
        .filter(p -> "execute_tool".equals(p.attribute("gen_ai.operation.name")))
        .collect(Collectors.toList());
  }

  static List<ReceivedSpan> appSpans(List<ReceivedSpan> spans) {
    return spans.stream()
        .filter(s -> APP.equals(s.resourceAttributes().get("service.name")))
        .filter(s -> s.attributes().containsKey("gen_ai.operation.name"))
        .sorted(java.util.Comparator.comparingLong(s -> s.span().getStartTimeUnixNano()))
        .collect(Collectors.toList());
  }

  static List<ReceivedSpan> gatewayServerSpans(List<ReceivedSpan> spans) {
    return spans.stream()
        .filter(s -> "llmobs-gateway".equals(s.resourceAttributes().get("service.name")))
        .filter(s -> s.kind() == Span.SpanKind.SPAN_KIND_SERVER)
        .collect(Collectors.toList());
  }

  static ReceivedSpan named(List<ReceivedSpan> spans, String name) {
    return spans.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in\n" + SpanTree.render(spans)));
  }
}
