package dev.llmobs.genai;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared call/stream/metrics machinery against a real SDK, without any provider. */
class GenAiCallTest {

  static final InMemorySpanExporter spans = InMemorySpanExporter.create();
  static final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  static OpenTelemetrySdk sdk;

  @BeforeAll
  static void installSdk() {
    GlobalOpenTelemetry.resetForTest();
    sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .buildAndRegisterGlobal();
  }

  @AfterAll
  static void removeSdk() {
    sdk.close();
    GlobalOpenTelemetry.resetForTest();
  }

  @BeforeEach
  void reset() {
    spans.reset();
    metrics.collectAllMetrics();
  }

  static GenAiRequest request() {
    return new GenAiRequest("chat", "openai")
        .requestModel("gpt-4o")
        .serverFromUrl("https://api.openai.com/v1");
  }

  @Test
  void syncCallRecordsSpanAndMetrics() {
    GenAiCall call = GenAiCall.start(request(), null);
    call.exit(
        new GenAiResponse().responseModel("gpt-4o-2024-08-06").inputTokens(100L).outputTokens(20L),
        null);

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span).hasName("chat gpt-4o").hasKind(SpanKind.CLIENT);
    assertThat(span.getAttributes().get(GenAiSemconv.USAGE_INPUT_TOKENS)).isEqualTo(100L);

    Collection<MetricData> collected = metrics.collectAllMetrics();
    MetricData tokens = metric(collected, "gen_ai.client.token.usage");
    List<Long> sums =
        tokens.getHistogramData().getPoints().stream()
            .map(p -> (long) p.getSum())
            .sorted()
            .collect(Collectors.toList());
    assertThat(sums).containsExactly(20L, 100L);
    tokens
        .getHistogramData()
        .getPoints()
        .forEach(
            p -> {
              assertThat(p.getAttributes().get(GenAiSemconv.RESPONSE_MODEL))
                  .isEqualTo("gpt-4o-2024-08-06");
              assertThat(p.getAttributes().get(GenAiSemconv.SERVER_ADDRESS))
                  .isEqualTo("api.openai.com");
              assertThat(p.getBoundaries())
                  .isEqualTo(
                      GenAiClientMetrics.TOKEN_BUCKETS.stream()
                          .map(Long::doubleValue)
                          .collect(Collectors.toList()));
            });
    HistogramPointData duration =
        metric(collected, "gen_ai.client.operation.duration")
            .getHistogramData()
            .getPoints()
            .iterator()
            .next();
    assertThat(duration.getCount()).isEqualTo(1);
    assertThat(duration.getAttributes().get(GenAiSemconv.ERROR_TYPE)).isNull();
    assertThat(
            metric(collected, "gen_ai.client.active_requests")
                .getLongSumData()
                .getPoints()
                .iterator()
                .next()
                .getValue())
        .isZero();
  }

  @Test
  void nestedCallOfOursIsNotTracedTwice() {
    GenAiCall outer = GenAiCall.start(request(), null);
    assertThat(GenAiCall.start(request(), null)).isNull();
    outer.exit(null, null);
    assertThat(spans.getFinishedSpanItems()).hasSize(1);
  }

  @Test
  void streamCountsChunksTimesTheFirstAndEndsOnceWhenExhausted() {
    GenAiCall call = GenAiCall.start(request().stream(true), null);
    call.closeScope();
    GenAiStream<String> stream = GenAiStream.of(call, new TextAccumulator());

    List<String> seen = stream.wrap(Stream.of("a", "", "b", "c")).collect(Collectors.toList());
    stream.closedByCaller(); // after exhaustion: no effect

    assertThat(seen).containsExactly("a", "", "b", "c");
    assertThat(spans.getFinishedSpanItems()).hasSize(1);
    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(span.getAttributes().get(GenAiSemconv.RESPONSE_CHUNK_COUNT)).isEqualTo(3L);
    assertThat(span.getAttributes().get(GenAiSemconv.RESPONSE_TIME_TO_FIRST_CHUNK))
        .isNotNull()
        .isGreaterThanOrEqualTo(0.0);
    assertThat(span.getAttributes().get(GenAiSemconv.USAGE_OUTPUT_TOKENS)).isEqualTo(3L);

    Collection<MetricData> collected = metrics.collectAllMetrics();
    assertThat(
            metric(collected, "gen_ai.client.operation.chunks")
                .getLongSumData()
                .getPoints()
                .iterator()
                .next()
                .getValue())
        .isEqualTo(3L);
    assertThat(
            metric(collected, "gen_ai.client.operation.time_to_first_chunk")
                .getHistogramData()
                .getPoints()
                .iterator()
                .next()
                .getCount())
        .isEqualTo(1);
    assertThat(
            metric(collected, "gen_ai.client.operation.time_per_output_chunk")
                .getHistogramData()
                .getPoints()
                .iterator()
                .next()
                .getCount())
        .isEqualTo(1);
  }

  @Test
  void streamClosedEarlyEndsAsCancelled() {
    GenAiCall call = GenAiCall.start(request().stream(true), null);
    call.closeScope();
    GenAiStream<String> stream = GenAiStream.of(call, new TextAccumulator());
    Iterator<String> it = stream.wrap(Stream.of("a", "b", "c")).iterator();
    it.next();
    stream.closedByCaller();
    stream.complete(); // a late completion does not end it again

    assertThat(spans.getFinishedSpanItems()).hasSize(1);
    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(GenAiSemconv.ERROR_TYPE)).isEqualTo("cancelled");
    assertThat(span.getAttributes().get(GenAiSemconv.RESPONSE_CHUNK_COUNT)).isEqualTo(1L);
  }

  @Test
  void streamFailureEndsWithErrorAndReachesTheCaller() {
    GenAiCall call = GenAiCall.start(request().stream(true), e -> "500");
    call.closeScope();
    GenAiStream<String> stream = GenAiStream.of(call, new TextAccumulator());
    Stream<String> failing =
        Stream.of("a", "boom")
            .map(
                s -> {
                  if (s.equals("boom")) {
                    throw new IllegalStateException("upstream broke");
                  }
                  return s;
                });

    assertThatThrownBy(() -> stream.wrap(failing).forEach(s -> {}))
        .isInstanceOf(IllegalStateException.class);
    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getAttributes().get(GenAiSemconv.ERROR_TYPE)).isEqualTo("500");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void asyncCallEndsWhenTheFutureCompletesAndKeepsTheFuture() {
    CompletableFuture<String> future = new CompletableFuture<>();
    GenAiCall call = GenAiCall.start(request(), null);
    call.endOnCompletion(future, r -> new GenAiResponse().responseId(r));
    assertThat(spans.getFinishedSpanItems()).isEmpty();

    future.complete("resp-1");
    assertThat(spans.getFinishedSpanItems().get(0).getAttributes().get(GenAiSemconv.RESPONSE_ID))
        .isEqualTo("resp-1");
  }

  @Test
  void cancelledFutureIsCancelled() {
    CompletableFuture<String> future = new CompletableFuture<>();
    GenAiCall call = GenAiCall.start(request(), null);
    call.endOnCompletion(future, r -> new GenAiResponse());
    future.cancel(true);
    assertThat(spans.getFinishedSpanItems().get(0).getAttributes().get(GenAiSemconv.ERROR_TYPE))
        .isEqualTo("cancelled");
  }

  static MetricData metric(Collection<MetricData> metrics, String name) {
    return metrics.stream()
        .filter(m -> m.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + names(metrics)));
  }

  static List<String> names(Collection<MetricData> metrics) {
    return metrics.stream().map(MetricData::getName).collect(Collectors.toList());
  }

  /** Treats non-empty strings as output chunks, counting one output token each. */
  static final class TextAccumulator implements GenAiStreamAccumulator<String> {
    long tokens;

    @Override
    public boolean accept(String chunk) {
      if (chunk.isEmpty()) {
        return false;
      }
      tokens++;
      return true;
    }

    @Override
    public GenAiResponse response() {
      return new GenAiResponse().outputTokens(tokens).finishReasons(Arrays.asList("stop"));
    }
  }
}
