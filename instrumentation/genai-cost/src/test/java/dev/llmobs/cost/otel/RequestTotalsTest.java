package dev.llmobs.cost.otel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmobs.cost.PriceLookup;
import dev.llmobs.cost.catalog.CatalogLoader;
import dev.llmobs.cost.usage.UsageEvent;
import dev.llmobs.cost.usage.UsageEventDispatcher;
import dev.llmobs.cost.usage.UsageSink;
import dev.llmobs.genai.GenAiBaggageLabels;
import dev.llmobs.genai.GenAiSemconv;
import dev.llmobs.genai.MetricLabelCap;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.instrumenter.SpanKindExtractor;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests (local root spans, as an HTTP server instrumentation makes them) get the totals of their
 * GenAI calls, and a call that follows a cache miss of its request has cache_state miss.
 */
class RequestTotalsTest {

  static final PriceLookup lookup = new PriceLookup(CatalogLoader.builtIn());

  final List<UsageEvent> events = new CopyOnWriteArrayList<>();
  final InMemorySpanExporter spans = InMemorySpanExporter.create();
  SdkMeterProvider meterProvider;
  OpenTelemetrySdk sdk;
  UsageEventDispatcher dispatcher;
  Tracer tracer;
  Instrumenter<String, Void> server;

  @BeforeEach
  void setUp() {
    meterProvider = SdkMeterProvider.builder().build();
    UsageSink collect = events::add;
    dispatcher = new UsageEventDispatcher(Collections.singletonList(collect), 16);
    GenAiBaggageLabels labels = new GenAiBaggageLabels(Collections.emptyList());
    CostMetrics metrics =
        new CostMetrics(
            meterProvider.get(CostMetrics.SCOPE), dispatcher, new MetricLabelCap(100), labels);
    sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(
                        new CostSpanProcessor(
                            () -> lookup, () -> metrics, dispatcher, "tenant", labels))
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .build();
    tracer = sdk.getTracer("test");
    server =
        Instrumenter.<String, Void>builder(sdk, "test-server", name -> name)
            .buildInstrumenter(SpanKindExtractor.alwaysServer());
  }

  @AfterEach
  void tearDown() {
    sdk.close();
    meterProvider.shutdown();
  }

  void chat(String model, long input, long output) {
    Span span =
        tracer
            .spanBuilder("chat " + model)
            .setAllAttributes(
                Attributes.of(
                    GenAiSemconv.OPERATION_NAME,
                    "chat",
                    GenAiSemconv.PROVIDER_NAME,
                    "openai",
                    GenAiSemconv.REQUEST_MODEL,
                    model))
            .startSpan();
    span.setAttribute(GenAiSemconv.USAGE_INPUT_TOKENS, input);
    span.setAttribute(GenAiSemconv.USAGE_OUTPUT_TOKENS, output);
    span.end();
  }

  void cacheLookup(String result) {
    Span span =
        tracer
            .spanBuilder("cache_get ResponseCache")
            .setAttribute(GenAiSemconv.STORE_OPERATION, "cache_get")
            .startSpan();
    span.setAttribute(GenAiSemconv.CACHE_RESULT, result);
    span.end();
  }

  void inRequest(Runnable work) {
    Context context = server.start(Context.root(), "POST /v1/chat/completions");
    try (Scope ignored = context.makeCurrent()) {
      work.run();
    } finally {
      server.end(context, "POST /v1/chat/completions", null, null);
    }
  }

  SpanData named(String name) {
    return spans.getFinishedSpanItems().stream()
        .filter(s -> s.getName().equals(name))
        .findFirst()
        .orElseThrow(AssertionError::new);
  }

  @Test
  void twoCallsInOneRequestAddUpOnTheServerSpan() {
    inRequest(
        () -> {
          chat("gpt-4o", 1000, 500);
          chat("gpt-4o-mini", 2000, 100);
        });

    Attributes root = named("POST /v1/chat/completions").getAttributes();
    // gpt-4o: 1000 x 2.5 + 500 x 10 = 7500 per 1M; gpt-4o-mini: 2000 x 0.15 + 100 x 0.6 = 360.
    assertThat(root.get(GenAiSemconv.REQUEST_CALLS)).isEqualTo(2L);
    assertThat(root.get(GenAiSemconv.REQUEST_INPUT_TOKENS)).isEqualTo(3000L);
    assertThat(root.get(GenAiSemconv.REQUEST_OUTPUT_TOKENS)).isEqualTo(600L);
    assertThat(root.get(GenAiSemconv.REQUEST_COST_AMOUNT)).isEqualTo(0.00786);
    double sum =
        named("chat gpt-4o").getAttributes().get(GenAiSemconv.USAGE_COST_AMOUNT)
            + named("chat gpt-4o-mini").getAttributes().get(GenAiSemconv.USAGE_COST_AMOUNT);
    assertThat(sum).isCloseTo(0.00786, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void aCallOutsideAnyRequestLeavesItsOwnSpanAlone() {
    chat("gpt-4o", 10, 5);
    assertThat(named("chat gpt-4o").getAttributes().get(GenAiSemconv.REQUEST_CALLS)).isNull();
  }

  @Test
  void unpricedCallsCountWithoutCost() {
    inRequest(() -> chat("mystery-model", 10, 5));
    Attributes root = named("POST /v1/chat/completions").getAttributes();
    assertThat(root.get(GenAiSemconv.REQUEST_CALLS)).isEqualTo(1L);
    assertThat(root.get(GenAiSemconv.REQUEST_INPUT_TOKENS)).isEqualTo(10L);
    assertThat(root.get(GenAiSemconv.REQUEST_COST_AMOUNT)).isNull();
  }

  @Test
  void cacheStateIsMissAfterACacheMissOfTheSameRequestOnly() {
    inRequest(
        () -> {
          cacheLookup("miss");
          chat("gpt-4o", 10, 5);
        });
    inRequest(
        () -> {
          cacheLookup("hit");
          chat("gpt-4o-mini", 10, 5);
        });
    chat("o3", 10, 5);

    assertThat(dispatcher.flush(5000)).isTrue();
    assertThat(events)
        .extracting(UsageEvent::model, UsageEvent::cacheState)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("gpt-4o", "miss"),
            org.assertj.core.groups.Tuple.tuple("gpt-4o-mini", "bypass"),
            org.assertj.core.groups.Tuple.tuple("o3", "bypass"));
  }

  @Test
  void usageEventsCarryTheSpansConversationId() throws Exception {
    Span span =
        tracer
            .spanBuilder("chat gpt-4o")
            .setAttribute(GenAiSemconv.OPERATION_NAME, "chat")
            .setAttribute(GenAiSemconv.REQUEST_MODEL, "gpt-4o")
            .setAttribute(GenAiSemconv.CONVERSATION_ID, "conv-9")
            .startSpan();
    span.end();
    assertThat(dispatcher.flush(5000)).isTrue();
    assertThat(events).singleElement().extracting(UsageEvent::conversationId).isEqualTo("conv-9");
    assertThat(dev.llmobs.cost.usage.JsonLinesUsageSink.toJson(events.get(0)))
        .contains("\"conversation_id\":\"conv-9\",\"cache_state\":\"bypass\"");
  }
}
