package dev.llmobs.instrumentation.langchain4j.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.llmobs.instrumentation.langchain4j.scenarios.GenAiAgentTest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** What the agent tests share: a chat model on the fake server and reading the finished trace. */
abstract class AgentTraces extends GenAiAgentTest {

  OpenAiChatModel model() {
    return OpenAiChatModel.builder()
        .baseUrl(server.url("/v1").toString())
        .apiKey(API_KEY)
        .modelName(AgentWire.MODEL)
        .maxRetries(0)
        .timeout(Duration.ofSeconds(10))
        .build();
  }

  /** The spans of the one trace there is, in start order. */
  static List<SpanData> oneTrace(int spans) {
    testing.waitForTraces(1);
    List<SpanData> all = new ArrayList<>(testing.spans());
    all.sort(Comparator.comparingLong(SpanData::getStartEpochNanos));
    assertThat(all).as(names(all)).hasSize(spans);
    assertThat(all.stream().map(SpanData::getTraceId).distinct()).hasSize(1);
    return all;
  }

  static String names(List<SpanData> spans) {
    return spans.stream()
        .map(s -> s.getName() + " (" + s.getKind() + ", parent " + s.getParentSpanId() + ")")
        .collect(Collectors.joining("\n"));
  }

  static SpanData named(List<SpanData> spans, String name) {
    return spans.stream()
        .filter(s -> s.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " in\n" + names(spans)));
  }

  /**
   * The duration points of {@code gen_ai.client.operation.duration} for execute_tool, waited for.
   */
  static List<HistogramPointData> toolDurationPoints(int atLeast) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    List<HistogramPointData> points = List.of();
    while (System.nanoTime() < deadline) {
      points =
          testing.metrics().stream()
              .filter(m -> m.getName().equals("gen_ai.client.operation.duration"))
              .map(MetricData::getHistogramData)
              .flatMap(h -> h.getPoints().stream())
              .filter(
                  p ->
                      "execute_tool"
                          .equals(
                              p.getAttributes()
                                  .get(AttributeKey.stringKey("gen_ai.operation.name"))))
              .collect(Collectors.toList());
      if (points.size() >= atLeast) {
        break;
      }
      Thread.sleep(100);
    }
    return points;
  }
}
