package dev.llmobs.genai;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Model names and baggage labels on the GenAI client metrics, through the label cap. */
class GenAiClientMetricsLabelsTest {

  static final AttributeKey<String> TENANT = AttributeKey.stringKey("tenant");

  final InMemoryMetricReader reader = InMemoryMetricReader.create();
  final GenAiClientMetrics metrics =
      new GenAiClientMetrics(
          SdkMeterProvider.builder().registerMetricReader(reader).build().get("test"),
          new MetricLabelCap(2),
          new GenAiBaggageLabels(Arrays.asList("tenant", "feature")));

  void call(String model, String tenant, long cacheRead) {
    Context parent =
        Context.root().with(Baggage.builder().put("tenant", tenant).put("user", "u1").build());
    Attributes start =
        Attributes.builder()
            .put(GenAiSemconv.OPERATION_NAME, "chat")
            .put(GenAiSemconv.PROVIDER_NAME, "openai")
            .put(GenAiSemconv.REQUEST_MODEL, model)
            .build();
    Context context = metrics.onStart(parent, start, 0);
    metrics.onEnd(
        context,
        Attributes.builder()
            .put(GenAiSemconv.RESPONSE_MODEL, model + "-2025")
            .put(GenAiSemconv.USAGE_INPUT_TOKENS, 100L)
            .put(GenAiSemconv.USAGE_OUTPUT_TOKENS, 10L)
            .put(GenAiSemconv.USAGE_CACHE_READ_INPUT_TOKENS, cacheRead)
            .build(),
        1_000_000_000L);
  }

  @Test
  void randomModelNamesEndUpInOtherAndBaggageBecomesALabel() {
    for (int i = 0; i < 5; i++) {
      call("model-" + i, "tenant-" + i, 40);
    }
    Collection<MetricData> collected = reader.collectAllMetrics();

    MetricData tokens = GenAiCallTest.metric(collected, GenAiSemconv.METRIC_TOKEN_USAGE);
    assertThat(values(tokens, GenAiSemconv.REQUEST_MODEL))
        .containsExactlyInAnyOrder("model-0", "model-1", "_OTHER");
    assertThat(values(tokens, GenAiSemconv.RESPONSE_MODEL))
        .containsExactlyInAnyOrder("model-0-2025", "model-1-2025", "_OTHER");
    assertThat(values(tokens, TENANT)).containsExactlyInAnyOrder("tenant-0", "tenant-1", "_OTHER");
    // Only configured entries become labels, and absent ones are not invented.
    assertThat(
            tokens.getData().getPoints().stream()
                .map(PointData::getAttributes)
                .filter(a -> a.get(AttributeKey.stringKey("user")) != null))
        .isEmpty();
    assertThat(values(tokens, AttributeKey.stringKey("feature"))).isEmpty();

    MetricData active = GenAiCallTest.metric(collected, GenAiSemconv.METRIC_ACTIVE_REQUESTS);
    assertThat(values(active, GenAiSemconv.REQUEST_MODEL))
        .containsExactlyInAnyOrder("model-0", "model-1", "_OTHER");
    assertThat(active.getLongSumData().getPoints())
        .allSatisfy(p -> assertThat(p.getValue()).isZero());

    MetricData cacheRead = GenAiCallTest.metric(collected, GenAiSemconv.METRIC_TOKEN_CACHE_READ);
    assertThat(cacheRead.getUnit()).isEqualTo("{token}");
    assertThat(cacheRead.getLongSumData().getPoints().stream().mapToLong(p -> p.getValue()).sum())
        .isEqualTo(5 * 40);
  }

  @Test
  void noCacheReadPointWithoutCacheReads() {
    call("gpt-4o", "acme", 0);
    assertThat(
            reader.collectAllMetrics().stream()
                .map(MetricData::getName)
                .filter(GenAiSemconv.METRIC_TOKEN_CACHE_READ::equals))
        .isEmpty();
  }

  static Set<String> values(MetricData metric, AttributeKey<String> key) {
    return metric.getData().getPoints().stream()
        .map(p -> p.getAttributes().get(key))
        .filter(Objects::nonNull)
        .collect(Collectors.toSet());
  }
}
