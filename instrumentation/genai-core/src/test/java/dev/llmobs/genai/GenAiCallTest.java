package dev.llmobs.genai;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared call/stream/metrics machinery against a real SDK, without any provider. */
class GenAiCallTest {

  static final String MODULE = "test-module";

  static final InMemorySpanExporter spans = InMemorySpanExporter.create();
  static final InMemoryMetricReader metrics = InMemoryMetricReader.createDelta();
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
    GenAiCall call = GenAiCall.start(MODULE, request());
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
    GenAiCall outer = GenAiCall.start(MODULE, request());
    assertThat(GenAiCall.start(MODULE, request())).isNull();
    outer.exit(null, null);
    assertThat(spans.getFinishedSpanItems()).hasSize(1);
  }

  @Test
  void streamCountsChunksTimesTheFirstAndEndsOnceWhenExhausted() {
    GenAiCall call = GenAiCall.start(MODULE, request().stream(true));
    call.closeScope();
    GenAiStream<String> stream = call.stream(new TextAccumulator());

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
    GenAiCall call = GenAiCall.start(MODULE, request().stream(true));
    call.closeScope();
    GenAiStream<String> stream = call.stream(new TextAccumulator());
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
    GenAiCall call = GenAiCall.start(MODULE, request().stream(true));
    call.closeScope();
    GenAiStream<String> stream = call.stream(new TextAccumulator());
    Stream<String> failing =
        Stream.of("a", "boom")
            .map(
                s -> {
                  if (s.equals("boom")) {
                    throw new HttpStatusException(500);
                  }
                  return s;
                });

    assertThatThrownBy(() -> stream.wrap(failing).forEach(s -> {}))
        .isInstanceOf(HttpStatusException.class);
    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getAttributes().get(GenAiSemconv.ERROR_TYPE)).isEqualTo("500");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void asyncCallEndsBeforeTheCallersCallbacksWhichRunInTheCallersContext() {
    CompletableFuture<String> future = new CompletableFuture<>();
    Span parent = sdk.getTracer("test").spanBuilder("parent").startSpan();
    CompletableFuture<String> callers;
    try (Scope ignored = parent.makeCurrent()) {
      GenAiCall call = GenAiCall.start(MODULE, request());
      callers = call.endOnCompletion(future, r -> new GenAiResponse().responseId(r));
    }
    List<String> seenInCallback = new ArrayList<>();
    CompletableFuture<String> chained =
        callers.thenApply(
            r -> {
              seenInCallback.add(Span.current().getSpanContext().getSpanId());
              seenInCallback.add(String.valueOf(spans.getFinishedSpanItems().size()));
              return r;
            });
    assertThat(spans.getFinishedSpanItems()).isEmpty();

    // Completed on a thread where the GenAI span is current, as an SDK's HTTP thread may be.
    Thread completer = new Thread(() -> future.complete("resp-1"));
    completer.start();
    assertThat(chained.join()).isEqualTo("resp-1");
    parent.end();

    assertThat(spans.getFinishedSpanItems().get(0).getAttributes().get(GenAiSemconv.RESPONSE_ID))
        .isEqualTo("resp-1");
    // The parent's span, never ours, and ours had ended already.
    assertThat(seenInCallback).containsExactly(parent.getSpanContext().getSpanId(), "1");
  }

  @Test
  void cancellingTheSourceCancelsTheCallersFutureAndEndsTheSpanAsCancelled() {
    CompletableFuture<String> future = new CompletableFuture<>();
    GenAiCall call = GenAiCall.start(MODULE, request());
    CompletableFuture<String> callers = call.endOnCompletion(future, r -> new GenAiResponse());
    future.cancel(true);
    assertThat(callers.isCancelled()).isTrue();
    assertThat(spans.getFinishedSpanItems().get(0).getAttributes().get(GenAiSemconv.ERROR_TYPE))
        .isEqualTo("cancelled");
  }

  @Test
  void cancellingTheCallersFutureCancelsTheSource() {
    CompletableFuture<String> future = new CompletableFuture<>();
    GenAiCall call = GenAiCall.start(MODULE, request());
    CompletableFuture<String> callers = call.endOnCompletion(future, r -> new GenAiResponse());
    callers.cancel(true);
    assertThat(future.isCancelled()).isTrue();
    assertThat(spans.getFinishedSpanItems()).hasSize(1);
    assertThat(spans.getFinishedSpanItems().get(0).getAttributes().get(GenAiSemconv.ERROR_TYPE))
        .isEqualTo("cancelled");
  }

  @Test
  void closeRacingChunksOnAnotherThreadEndsOnceWithAConsistentResponse() throws Exception {
    for (int round = 0; round < 300; round++) {
      spans.reset();
      GenAiCall call = GenAiCall.start(MODULE, request().stream(true));
      call.closeScope();
      ListAccumulator accumulator = new ListAccumulator();
      GenAiStream<String> stream = call.stream(accumulator);
      CountDownLatch started = new CountDownLatch(1);
      Thread sdkThread =
          new Thread(
              () -> {
                for (int i = 0; i < 2000; i++) {
                  stream.onChunk("c" + i);
                  if (i == 10) {
                    started.countDown();
                  }
                }
                stream.complete();
              });
      sdkThread.start();
      started.await();
      stream.closedByCaller();
      sdkThread.join();

      assertThat(spans.getFinishedSpanItems()).hasSize(1);
      SpanData span = spans.getFinishedSpanItems().get(0);
      // What the accumulator saw before the end is what the span counted: nothing was lost to a
      // concurrent modification, and nothing was added after the end.
      assertThat(span.getAttributes().get(GenAiSemconv.USAGE_OUTPUT_TOKENS))
          .isEqualTo(span.getAttributes().get(GenAiSemconv.RESPONSE_CHUNK_COUNT));
    }
    assertThat(failures()).isZero();
  }

  @Test
  void aStreamTheCallerDropsEndsAsAbandonedOnceUnreachable() throws Exception {
    startAndDropAStream();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (spans.getFinishedSpanItems().isEmpty() && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(50);
    }
    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getAttributes().get(GenAiSemconv.ERROR_TYPE)).isEqualTo("abandoned");
    assertThat(span.getAttributes().get(GenAiSemconv.RESPONSE_CHUNK_COUNT)).isEqualTo(1L);
    assertThat(activeRequests()).isZero();
  }

  private static void startAndDropAStream() {
    GenAiCall call = GenAiCall.start(MODULE, request().stream(true));
    call.closeScope();
    Iterator<String> iterator =
        call.stream(new TextAccumulator()).wrap(Stream.of("a", "b")).iterator();
    iterator.next();
  }

  @Test
  void anOpenStreamIdleBeyondTheLimitEndsAsAbandoned() {
    GenAiCall call = GenAiCall.start(MODULE, request().stream(true));
    call.closeScope();
    GenAiStream<String> stream = call.stream(new TextAccumulator());
    stream.onChunk("a");

    GenAiReaper.endIdle(System.nanoTime() + TimeUnit.MINUTES.toNanos(9));
    assertThat(spans.getFinishedSpanItems()).isEmpty();
    GenAiReaper.endIdle(System.nanoTime() + TimeUnit.MINUTES.toNanos(11));
    assertThat(spans.getFinishedSpanItems()).hasSize(1);
    assertThat(spans.getFinishedSpanItems().get(0).getAttributes().get(GenAiSemconv.ERROR_TYPE))
        .isEqualTo("abandoned");
    stream.onChunk("late"); // ignored: the span has ended
    stream.complete();
    assertThat(spans.getFinishedSpanItems()).hasSize(1);
    assertThat(activeRequests()).isZero();
  }

  @Test
  void aFailingAccumulatorIsCountedAndTheCallStillEnds() {
    GenAiCall call = GenAiCall.start(MODULE, request().stream(true));
    call.closeScope();
    GenAiStream<String> stream =
        call.stream(
            new GenAiStreamAccumulator<String>() {
              @Override
              public boolean accept(String chunk) {
                throw new IllegalStateException("mapping bug");
              }

              @Override
              public GenAiResponse response() {
                throw new IllegalStateException("mapping bug");
              }
            });
    stream.onChunk("a");
    stream.complete();
    assertThat(spans.getFinishedSpanItems()).hasSize(1);
    assertThat(failures()).isEqualTo(2);
  }

  @Test
  void withCaptureOffTheExceptionEventCarriesNoMessage() {
    GenAiCall call = GenAiCall.start(MODULE, request());
    call.exit(null, new HttpStatusException(400));
    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getAttributes().get(GenAiSemconv.ERROR_TYPE)).isEqualTo("400");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getEvents()).hasSize(1);
    EventData event = span.getEvents().get(0);
    assertThat(event.getName()).isEqualTo("exception");
    assertThat(event.getAttributes().get(GenAiSemconv.EXCEPTION_TYPE))
        .isEqualTo(HttpStatusException.class.getName());
    assertThat(event.getAttributes().get(GenAiSemconv.EXCEPTION_MESSAGE))
        .isEqualTo("status=400 code=invalid_value");
    assertThat(event.getAttributes().toString()).doesNotContain(HttpStatusException.SECRET_TEXT);
    assertThat(event.getAttributes().get(GenAiSemconv.EXCEPTION_STACKTRACE))
        .startsWith(HttpStatusException.class.getName() + "\n")
        .contains("\tat ");
  }

  @Test
  void logContextHasTheCallsKeysWhileItRuns() {
    assertThat(GenAiLogContext.of(Context.current())).isNull();
    GenAiCall call = GenAiCall.start(MODULE, request().conversationId("conv_1"));
    Map<String, String> keys = GenAiLogContext.of(Context.current());
    call.exit(null, null);
    assertThat(GenAiLogContext.of(Context.current())).isNull();

    assertThat(keys)
        .containsOnly(
            entry("gen_ai.provider.name", "openai"),
            entry("gen_ai.request.model", "gpt-4o"),
            entry("gen_ai.conversation.id", "conv_1"));
  }

  @Test
  void hostileModelNamesAreCappedInTheSpanNameAndAttributes() {
    StringBuilder huge = new StringBuilder("gpt-");
    while (huge.length() < 900_000) {
      huge.append("x\r\nforged");
    }
    GenAiCall.start(MODULE, request().requestModel(huge.toString())).exit(null, null);
    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getName().length()).isLessThanOrEqualTo("chat ".length() + 256);
    assertThat(span.getName()).endsWith(GenAiStrings.TRUNCATED);
    assertThat(span.getAttributes().get(GenAiSemconv.REQUEST_MODEL)).hasSize(256);
  }

  private static long failures() {
    return metrics.collectAllMetrics().stream()
        .filter(m -> m.getName().equals(GenAiSemconv.METRIC_INSTRUMENTATION_FAILURES))
        .flatMap(m -> m.getLongSumData().getPoints().stream())
        .filter(p -> MODULE.equals(p.getAttributes().get(GenAiSemconv.LLMOBS_MODULE)))
        .mapToLong(LongPointData::getValue)
        .sum();
  }

  private static long activeRequests() {
    return metric(metrics.collectAllMetrics(), "gen_ai.client.active_requests")
        .getLongSumData()
        .getPoints()
        .stream()
        .mapToLong(LongPointData::getValue)
        .sum();
  }

  /** An SDK exception as the SDKs have them: an HTTP status, an error code, a message. */
  static final class HttpStatusException extends RuntimeException {
    static final String SECRET_TEXT = "the prompt said: my password is hunter2";
    private final int status;

    HttpStatusException(int status) {
      super(SECRET_TEXT);
      this.status = status;
    }

    public int statusCode() {
      return status;
    }

    public Optional<String> code() {
      return Optional.of("invalid_value");
    }
  }

  /** Records every chunk in a list that concurrent access would break. */
  static final class ListAccumulator implements GenAiStreamAccumulator<String> {
    private final List<String> chunks = new ArrayList<>();

    @Override
    public boolean accept(String chunk) {
      chunks.add(chunk);
      return true;
    }

    @Override
    public GenAiResponse response() {
      long count = 0;
      for (String ignored : chunks) {
        count++;
      }
      return new GenAiResponse().outputTokens(count);
    }
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
