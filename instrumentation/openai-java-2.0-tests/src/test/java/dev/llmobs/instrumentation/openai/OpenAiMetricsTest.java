package dev.llmobs.instrumentation.openai;

import static dev.llmobs.testing.GenAiKeys.ERROR_TYPE;
import static dev.llmobs.testing.GenAiKeys.OPERATION;
import static dev.llmobs.testing.GenAiKeys.PROVIDER;
import static dev.llmobs.testing.GenAiKeys.REQUEST_MODEL;
import static dev.llmobs.testing.GenAiKeys.RESPONSE_MODEL;
import static dev.llmobs.testing.GenAiKeys.SERVER_ADDRESS;
import static dev.llmobs.testing.GenAiKeys.TOKEN_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Metric points and their values. Each test uses its own request model to find its points. */
class OpenAiMetricsTest extends OpenAiAgentTest {

  static final String SCOPE = "dev.llmobs.genai";

  @Test
  void tokenUsageAndDurationOfAChatCall() {
    server.enqueue(FakeOpenAi.json(FakeOpenAi.chatCompletion("chatcmpl-m", "gpt-m1-2025")));
    client
        .chat()
        .completions()
        .create(ChatCompletionCreateParams.builder().model("gpt-m1").addUserMessage("x").build());

    testing.waitAndAssertMetrics(
        SCOPE,
        "gen_ai.client.token.usage",
        metrics ->
            metrics.anySatisfy(
                metric -> {
                  assertThat(metric.getUnit()).isEqualTo("{token}");
                  List<HistogramPointData> points = histogramPoints(metric, "gpt-m1");
                  assertThat(points).hasSize(2);
                  for (HistogramPointData point : points) {
                    Attributes a = point.getAttributes();
                    assertThat(a.get(OPERATION)).isEqualTo("chat");
                    assertThat(a.get(PROVIDER)).isEqualTo("openai");
                    assertThat(a.get(RESPONSE_MODEL)).isEqualTo("gpt-m1-2025");
                    assertThat(a.get(SERVER_ADDRESS)).isEqualTo(server.getHostName());
                    assertThat(a.size()).isEqualTo(7); // no ids of any kind
                    assertThat(point.getCount()).isEqualTo(1);
                    assertThat(point.getSum())
                        .isEqualTo("input".equals(a.get(TOKEN_TYPE)) ? 21.0 : 7.0);
                  }
                  assertThat(points.stream().map(p -> p.getAttributes().get(TOKEN_TYPE)))
                      .containsExactlyInAnyOrder("input", "output");
                }));
    testing.waitAndAssertMetrics(
        SCOPE,
        "gen_ai.client.operation.duration",
        metrics ->
            metrics.anySatisfy(
                metric -> {
                  assertThat(metric.getUnit()).isEqualTo("s");
                  List<HistogramPointData> points = histogramPoints(metric, "gpt-m1");
                  assertThat(points).hasSize(1);
                  assertThat(points.get(0).getCount()).isEqualTo(1);
                  assertThat(points.get(0).getSum()).isGreaterThan(0.0).isLessThan(30.0);
                  assertThat(points.get(0).getAttributes().get(ERROR_TYPE)).isNull();
                }));
  }

  @Test
  void failedCallHasErrorTypeOnDurationAndNoTokens() {
    server.enqueue(FakeOpenAi.error(429, "rate_limit_exceeded"));
    assertThatThrownBy(
        () ->
            client
                .chat()
                .completions()
                .create(
                    ChatCompletionCreateParams.builder()
                        .model("gpt-m2")
                        .addUserMessage("x")
                        .build()));

    testing.waitAndAssertMetrics(
        SCOPE,
        "gen_ai.client.operation.duration",
        metrics ->
            metrics.anySatisfy(
                metric -> {
                  List<HistogramPointData> points = histogramPoints(metric, "gpt-m2");
                  assertThat(points).hasSize(1);
                  assertThat(points.get(0).getAttributes().get(ERROR_TYPE))
                      .isEqualTo("rate_limited");
                }));
    assertThat(
            testing.metrics().stream()
                .filter(m -> m.getName().equals("gen_ai.client.token.usage"))
                .flatMap(m -> histogramPoints(m, "gpt-m2").stream()))
        .isEmpty();
  }

  @Test
  void streamingMetrics() {
    server.enqueue(
        FakeOpenAi.sse(
            FakeOpenAi.chatChunk("chatcmpl-ms", "a", null),
            FakeOpenAi.chatChunk("chatcmpl-ms", "b", null),
            FakeOpenAi.chatChunk("chatcmpl-ms", "c", "stop"),
            FakeOpenAi.usageChunk("chatcmpl-ms", 5, 3)));
    try (StreamResponse<ChatCompletionChunk> stream =
        client
            .chat()
            .completions()
            .createStreaming(
                ChatCompletionCreateParams.builder().model("gpt-m3").addUserMessage("x").build())) {
      stream.stream().forEach(chunk -> {});
    }

    testing.waitAndAssertMetrics(
        SCOPE,
        "gen_ai.client.operation.chunks",
        metrics ->
            metrics.anySatisfy(
                metric ->
                    assertThat(
                            sumPoints(metric, "gpt-m3").stream()
                                .mapToLong(LongPointData::getValue)
                                .sum())
                        .isEqualTo(3)));
    testing.waitAndAssertMetrics(
        SCOPE,
        "gen_ai.client.operation.time_to_first_chunk",
        metrics ->
            metrics.anySatisfy(
                metric -> {
                  List<HistogramPointData> points = histogramPoints(metric, "gpt-m3");
                  assertThat(points).hasSize(1);
                  assertThat(points.get(0).getCount()).isEqualTo(1);
                  assertThat(points.get(0).getSum()).isGreaterThanOrEqualTo(0.0);
                }));
    testing.waitAndAssertMetrics(
        SCOPE,
        "gen_ai.client.operation.time_per_output_chunk",
        metrics ->
            metrics.anySatisfy(metric -> assertThat(histogramPoints(metric, "gpt-m3")).hasSize(1)));
    testing.waitAndAssertMetrics(
        SCOPE,
        "gen_ai.client.active_requests",
        metrics ->
            metrics.anySatisfy(
                metric ->
                    assertThat(
                            sumPoints(metric, "gpt-m3").stream()
                                .mapToLong(LongPointData::getValue)
                                .sum())
                        .isZero()));
  }

  static List<HistogramPointData> histogramPoints(MetricData metric, String requestModel) {
    return filter(metric.getHistogramData().getPoints(), requestModel);
  }

  static List<LongPointData> sumPoints(MetricData metric, String requestModel) {
    return filter(metric.getLongSumData().getPoints(), requestModel);
  }

  static <P extends PointData> List<P> filter(Collection<P> points, String requestModel) {
    return new ArrayList<>(points)
        .stream()
            .filter(p -> requestModel.equals(p.getAttributes().get(REQUEST_MODEL)))
            .collect(Collectors.toList());
  }
}
