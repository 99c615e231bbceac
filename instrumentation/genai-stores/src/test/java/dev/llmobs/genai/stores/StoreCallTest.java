package dev.llmobs.genai.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.llmobs.genai.GenAiCall;
import dev.llmobs.genai.GenAiLogContext;
import dev.llmobs.genai.GenAiRequest;
import dev.llmobs.genai.GenAiSemconv;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.instrumenter.SpanKindExtractor;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Store operations against a real SDK, without any agent: spans, metrics, MDC, hand-over. */
class StoreCallTest {

  static final InMemorySpanExporter spans = InMemorySpanExporter.create();
  static final InMemoryMetricReader metrics = InMemoryMetricReader.createDelta();
  static OpenTelemetrySdk sdk;
  static Instrumenter<String, Void> server;

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
    // Like an HTTP server instrumentation: its span is the request's local root.
    server =
        Instrumenter.<String, Void>builder(sdk, "test-server", name -> name)
            .buildInstrumenter(SpanKindExtractor.alwaysServer());
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

  final Object store = new Object();

  StoreRequest get(String conversationId) {
    return new StoreRequest("get", "ChatStore", "jdbc", store).conversationId(conversationId);
  }

  /** Runs {@code work} in a request: a server span that is the local root. */
  static <T> T inRequest(String name, Supplier<T> work) {
    Context context = server.start(Context.root(), name);
    try (Scope ignored = context.makeCurrent()) {
      return work.get();
    } finally {
      server.end(context, name, null, null);
    }
  }

  static SpanData span(String name) {
    List<SpanData> named =
        spans.getFinishedSpanItems().stream()
            .filter(s -> s.getName().equals(name))
            .collect(Collectors.toList());
    assertThat(named).as(name).hasSize(1);
    return named.get(0);
  }

  @Test
  void spanShapeWithCountFromTheResult() {
    StoreCall call = StoreCall.start("test", get("conv-1"));
    call.end(Arrays.asList("m1", "m2", "m3"), null);

    SpanData span = span("get ChatStore");
    assertThat(span.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(span.getInstrumentationScopeInfo().getName()).isEqualTo("dev.llmobs.stores");
    assertThat(span.getAttributes().asMap())
        .containsOnly(
            entry(GenAiSemconv.STORE_OPERATION, "get"),
            entry(GenAiSemconv.STORE_NAME, "ChatStore"),
            entry(GenAiSemconv.STORE_BACKEND, "jdbc"),
            entry(GenAiSemconv.CONVERSATION_ID, "conv-1"),
            entry(GenAiSemconv.STORE_MESSAGE_COUNT, 3L));
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void countFromTheArgumentsWinsAndOptionalResultsAreUnwrapped() {
    StoreCall.start(
            "test",
            new StoreRequest("update", "ChatStore", "memory", store)
                .conversationId("c")
                .messageCount(StoreRequest.countOf(new Object[] {"c", Arrays.asList(1, 2)})))
        .end(Arrays.asList(1, 2, 3, 4), null);
    StoreCall.start("test", get("c")).end(Optional.of(Collections.singletonList("m")), null);

    assertThat(span("update ChatStore").getAttributes().get(GenAiSemconv.STORE_MESSAGE_COUNT))
        .isEqualTo(2L);
    assertThat(span("get ChatStore").getAttributes().get(GenAiSemconv.STORE_MESSAGE_COUNT))
        .isEqualTo(1L);
  }

  @Test
  void failureHasErrorTypeAndAnExceptionEventWithoutItsMessage() {
    StoreCall call = StoreCall.start("test", get("conv-1"));
    call.end(null, new SQLException("duplicate key value (secret prompt)", "23505"));

    SpanData span = span("get ChatStore");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(GenAiSemconv.ERROR_TYPE))
        .isEqualTo("java.sql.SQLException");
    assertThat(span.getEvents()).hasSize(1);
    assertThat(span.getEvents().get(0).getName()).isEqualTo("exception");
    assertThat(span.getEvents().get(0).getAttributes().toString()).doesNotContain("secret prompt");
    assertThat(durationPoints())
        .anySatisfy(
            attributes ->
                assertThat(attributes).containsEntry("error.type", "java.sql.SQLException"));
  }

  @Test
  void cacheLookupsRecordHitOrMissAndCount() {
    StoreRequest lookup = new StoreRequest("cache_get", "ResponseCache", "memory", store);
    StoreCall.start("test", lookup).end(null, null);
    StoreCall.start("test", lookup).end(Optional.empty(), null);
    StoreCall.start("test", lookup).end("cached answer", null);

    List<SpanData> lookups = spans.getFinishedSpanItems();
    assertThat(lookups)
        .extracting(s -> s.getAttributes().get(GenAiSemconv.CACHE_RESULT))
        .containsExactly("miss", "miss", "hit");
    Map<String, Long> byResult =
        metrics.collectAllMetrics().stream()
            .filter(m -> m.getName().equals("llmobs.cache.lookups"))
            .flatMap(m -> m.getLongSumData().getPoints().stream())
            .collect(
                Collectors.toMap(
                    p -> p.getAttributes().get(GenAiSemconv.CACHE_RESULT), p -> p.getValue()));
    assertThat(byResult).containsOnly(entry("miss", 2L), entry("hit", 1L));
  }

  @Test
  void durationHistogramHasLowCardinalityLabelsOnly() {
    StoreCall.start("test", get("conv-secret-id")).end(null, null);
    assertThat(durationPoints())
        .singleElement()
        .satisfies(
            attributes ->
                assertThat(attributes)
                    .containsOnly(
                        entry("llmobs.store.operation", "get"),
                        entry("llmobs.store.name", "ChatStore"),
                        entry("llmobs.store.backend", "jdbc")));
  }

  List<Map<String, Object>> durationPoints() {
    return metrics.collectAllMetrics().stream()
        .filter(m -> m.getName().equals("llmobs.store.operation.duration"))
        .peek(m -> assertThat(m.getUnit()).isEqualTo("s"))
        .flatMap(m -> m.getHistogramData().getPoints().stream())
        .map(
            p ->
                p.getAttributes().asMap().entrySet().stream()
                    .collect(
                        Collectors
                            .<Map.Entry<io.opentelemetry.api.common.AttributeKey<?>, Object>,
                                String, Object>
                                toMap(e -> e.getKey().getKey(), Map.Entry::getValue)))
        .collect(Collectors.toList());
  }

  @Test
  void theStoreSpanIsCurrentAndLogsCarryTheConversationWhileItRuns() {
    StoreCall call = StoreCall.start("test", get("conv-log"));
    Map<String, String> during = GenAiLogContext.of(Context.current());
    io.opentelemetry.api.trace.Span current = io.opentelemetry.api.trace.Span.current();
    call.end(null, null);

    assertThat(during).containsOnly(entry("gen_ai.conversation.id", "conv-log"));
    assertThat(current.getSpanContext().getSpanId()).isEqualTo(span("get ChatStore").getSpanId());
    assertThat(GenAiLogContext.of(Context.current())).isNull();
  }

  @Test
  void aStoreCallingItselfMakesOneSpanAnotherStoreNests() {
    Object decorator = new Object();
    StoreCall outer =
        StoreCall.start("test", new StoreRequest("get", "Cached", "memory", decorator));
    StoreCall self =
        StoreCall.start("test", new StoreRequest("get", "Cached", "memory", decorator));
    StoreCall inner = StoreCall.start("test", get("c"));
    inner.end(null, null);
    outer.end(null, null);

    assertThat(self).isNull();
    assertThat(span("get ChatStore").getParentSpanId()).isEqualTo(span("get Cached").getSpanId());
  }

  @Test
  void theConversationReachesTheFollowingGenAiCallOfTheSameRequestOnly() {
    inRequest(
        "POST /a",
        () -> {
          StoreCall.start("test", get("conv-a")).end(null, null);
          GenAiCall call =
              GenAiCall.start("test", new GenAiRequest("chat", "openai").requestModel("gpt-4o"));
          Map<String, String> during = GenAiLogContext.of(Context.current());
          call.exit(null, null);
          assertThat(during).containsEntry("gen_ai.conversation.id", "conv-a");
          // After the call, the request's log lines name the conversation and the last call.
          assertThat(GenAiLogContext.of(Context.current()))
              .contains(
                  entry("gen_ai.conversation.id", "conv-a"),
                  entry("gen_ai.provider.name", "openai"),
                  entry("gen_ai.request.model", "gpt-4o"));
          // The call's own conversation wins.
          GenAiCall.start(
                  "test",
                  new GenAiRequest("chat", "openai").requestModel("own").conversationId("conv-own"))
              .exit(null, null);
          return null;
        });
    // Another request on the same thread, without a store operation.
    inRequest(
        "POST /b",
        () -> {
          GenAiCall.start("test", new GenAiRequest("chat", "openai").requestModel("gpt-4o-mini"))
              .exit(null, null);
          return null;
        });
    // No request at all (no local root): the store span is its own root, nothing carries over.
    StoreCall.start("test", get("conv-c")).end(null, null);
    GenAiCall.start("test", new GenAiRequest("chat", "openai").requestModel("o3")).exit(null, null);

    assertThat(span("chat gpt-4o").getAttributes().get(GenAiSemconv.CONVERSATION_ID))
        .isEqualTo("conv-a");
    assertThat(span("chat own").getAttributes().get(GenAiSemconv.CONVERSATION_ID))
        .isEqualTo("conv-own");
    assertThat(span("chat gpt-4o-mini").getAttributes().get(GenAiSemconv.CONVERSATION_ID)).isNull();
    assertThat(span("chat o3").getAttributes().get(GenAiSemconv.CONVERSATION_ID)).isNull();
  }

  @Test
  void activeConversationsGaugeCountsDistinctIds() {
    for (String id : Arrays.asList("g1", "g2", "g1", "g3")) {
      StoreCall.start("test", get(id)).end(null, null);
    }
    StoreCall.start("test", get(null)).end(null, null);
    List<Long> values =
        metrics.collectAllMetrics().stream()
            .filter(m -> m.getName().equals("llmobs.conversations.active"))
            .flatMap(m -> m.getLongGaugeData().getPoints().stream())
            .map(p -> p.getValue())
            .collect(Collectors.toList());
    // Other tests of this class touch other ids in the same window.
    assertThat(values).singleElement().satisfies(v -> assertThat(v).isGreaterThanOrEqualTo(3));
  }

  @Test
  void nothingThrowsIntoTheApplication() {
    assertThat(StoreCall.start("test", null)).isNull();
    StoreCall call = StoreCall.start("test", get("x"));
    call.end(null, null);
    call.end(null, null); // a second end is harmless
    java.util.Collection<MetricData> all = metrics.collectAllMetrics();
    assertThat(all)
        .extracting(MetricData::getName)
        .doesNotContain("llmobs.instrumentation.failures");
  }
}
