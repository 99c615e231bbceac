package dev.llmobs.cost.otel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmobs.cost.PriceLookup;
import dev.llmobs.cost.catalog.CatalogLoader;
import dev.llmobs.cost.usage.JsonLinesUsageSink;
import dev.llmobs.cost.usage.UsageEvent;
import dev.llmobs.cost.usage.UsageEventDispatcher;
import dev.llmobs.cost.usage.UsageSink;
import dev.llmobs.genai.GenAiBaggageLabels;
import dev.llmobs.genai.GenAiConfig;
import dev.llmobs.genai.GenAiSemconv;
import dev.llmobs.genai.MetricLabelCap;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The processor with a real SDK: spans as any instrumentation would make them. */
class CostSpanProcessorTest {

  static final PriceLookup lookup = new PriceLookup(CatalogLoader.builtIn());

  final List<UsageEvent> events = new CopyOnWriteArrayList<>();
  InMemorySpanExporter spans;
  InMemoryMetricReader metricReader;
  SdkMeterProvider meterProvider;
  SdkTracerProvider tracerProvider;
  UsageEventDispatcher dispatcher;
  Tracer tracer;

  @BeforeEach
  void setUp() {
    setUp(Sampler.alwaysOn(), Collections.<String>emptyList(), 100);
  }

  void setUp(Sampler sampler, List<String> baggageLabels, int maxLabelValues) {
    if (tracerProvider != null) {
      tearDown();
    }
    spans = InMemorySpanExporter.create();
    metricReader = InMemoryMetricReader.create();
    meterProvider = SdkMeterProvider.builder().registerMetricReader(metricReader).build();
    UsageSink collect = events::add;
    dispatcher = new UsageEventDispatcher(Collections.singletonList(collect), 16);
    GenAiBaggageLabels labels = new GenAiBaggageLabels(baggageLabels);
    CostMetrics metrics =
        new CostMetrics(
            meterProvider.get(CostMetrics.SCOPE),
            dispatcher,
            new MetricLabelCap(maxLabelValues),
            labels);
    CostSpanProcessor processor =
        new CostSpanProcessor(() -> lookup, () -> metrics, dispatcher, "tenant", labels);
    tracerProvider =
        SdkTracerProvider.builder()
            .setSampler(sampler)
            .addSpanProcessor(processor)
            .addSpanProcessor(SimpleSpanProcessor.create(spans))
            .build();
    tracer = tracerProvider.get("test");
  }

  @AfterEach
  void tearDown() {
    tracerProvider.shutdown();
    meterProvider.shutdown();
  }

  /** A started chat span as an instrumenter makes it: the request attributes set at start. */
  Span chat(AttributeKey<String> providerKey, String provider, String model) {
    return tracer
        .spanBuilder("chat " + model)
        .setAttribute(GenAiSemconv.OPERATION_NAME, "chat")
        .setAttribute(providerKey, provider)
        .setAttribute(GenAiSemconv.REQUEST_MODEL, model)
        .startSpan();
  }

  SpanData only() {
    assertThat(dispatcher.flush(5000)).isTrue();
    assertThat(spans.getFinishedSpanItems()).hasSize(1);
    return spans.getFinishedSpanItems().get(0);
  }

  @Test
  void olderGenAiSystemAttributeAndAnthropicCacheWrite() {
    // Like an upstream instrumentation that still writes gen_ai.system.
    Span span = chat(GenAiSemconv.SYSTEM, "anthropic", "claude-sonnet-4-20250514");
    span.setAttribute(GenAiSemconv.USAGE_INPUT_TOKENS, 1000L);
    span.setAttribute(GenAiSemconv.USAGE_CACHE_READ_INPUT_TOKENS, 600L);
    span.setAttribute(GenAiSemconv.USAGE_CACHE_CREATION_INPUT_TOKENS, 300L);
    span.setAttribute(GenAiSemconv.USAGE_OUTPUT_TOKENS, 200L);
    span.end();

    // 100 x 3 + 600 x 0.30 + 300 x 3.75 + 200 x 15 = 4605 per 1M
    SpanData data = only();
    assertThat(data.getAttributes().get(GenAiSemconv.USAGE_COST_AMOUNT)).isEqualTo(0.004605);
    assertThat(data.getAttributes().get(GenAiSemconv.USAGE_COST_CURRENCY)).isEqualTo("USD");
    assertThat(data.getAttributes().get(GenAiSemconv.USAGE_COST_SOURCE)).isEqualTo("local");
    assertThat(events)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.cost()).isEqualByComparingTo(new BigDecimal("0.004605"));
              assertThat(event.provider()).isEqualTo("anthropic");
              assertThat(event.pricedAs()).isEqualTo("anthropic/claude-sonnet-4-0");
              assertThat(event.cacheWriteTokens()).isEqualTo(300L);
              assertThat(event.traceId()).isEqualTo(data.getTraceId());
              assertThat(event.spanId()).isEqualTo(data.getSpanId());
              assertThat(event.outcome()).isEqualTo(UsageEvent.Outcome.SUCCESS);
            });
  }

  @Test
  void tenantComesFromBaggageAtSpanStart() {
    Span span;
    try (Scope ignored = Baggage.builder().put("tenant", "blue").build().makeCurrent()) {
      span = chat(GenAiSemconv.PROVIDER_NAME, "openai", "gpt-4o");
    }
    span.setAttribute(GenAiSemconv.USAGE_INPUT_TOKENS, 10L);
    span.setAttribute(GenAiSemconv.USAGE_OUTPUT_TOKENS, 1L);
    span.end(); // outside the baggage scope: the tenant was captured at start
    only();
    assertThat(events).singleElement().satisfies(e -> assertThat(e.tenant()).isEqualTo("blue"));
  }

  @Test
  void failedCallWithoutUsageIsAnEventWithOutcomeButNoCost() {
    Span span = chat(GenAiSemconv.PROVIDER_NAME, "openai", "gpt-4o");
    span.setAttribute(GenAiSemconv.ERROR_TYPE, "timeout");
    span.setStatus(StatusCode.ERROR);
    span.end();
    SpanData data = only();
    assertThat(data.getAttributes().get(GenAiSemconv.USAGE_COST_AMOUNT)).isNull();
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(UsageEvent.Outcome.TIMED_OUT);
              assertThat(e.cost()).isNull();
            });
    assertThat(SpanUsageEvents.outcome("cancelled", StatusCode.ERROR))
        .isEqualTo(UsageEvent.Outcome.CANCELLED);
    assertThat(SpanUsageEvents.outcome("500", StatusCode.ERROR))
        .isEqualTo(UsageEvent.Outcome.ERROR);
    assertThat(SpanUsageEvents.outcome(null, StatusCode.ERROR)).isEqualTo(UsageEvent.Outcome.ERROR);
  }

  @Test
  void unknownModelIsCountedAndNonGenAiSpansAreLeftAlone() {
    Span genAi = chat(GenAiSemconv.PROVIDER_NAME, "openai", "mystery-model");
    genAi.setAttribute(GenAiSemconv.USAGE_INPUT_TOKENS, 10L);
    genAi.end();
    tracer
        .spanBuilder("GET /")
        .setAttribute(AttributeKey.stringKey("http.route"), "/")
        .startSpan()
        .end();
    assertThat(dispatcher.flush(5000)).isTrue();
    assertThat(spans.getFinishedSpanItems())
        .allSatisfy(
            s -> assertThat(s.getAttributes().get(GenAiSemconv.USAGE_COST_AMOUNT)).isNull());
    assertThat(events).hasSize(1);
    MetricData unpriced =
        metricReader.collectAllMetrics().stream()
            .filter(m -> m.getName().equals(GenAiSemconv.METRIC_COST_UNPRICED))
            .findFirst()
            .orElseThrow(AssertionError::new);
    assertThat(unpriced.getLongSumData().getPoints())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getValue()).isEqualTo(1);
              assertThat(p.getAttributes().get(GenAiSemconv.REQUEST_MODEL))
                  .isEqualTo("mystery-model");
            });
  }

  @Test
  void inconsistentUsageNeverReachesTheApplication() {
    Span span = chat(GenAiSemconv.PROVIDER_NAME, "openai", "gpt-4o");
    span.setAttribute(GenAiSemconv.USAGE_INPUT_TOKENS, 10L);
    span.setAttribute(GenAiSemconv.USAGE_CACHE_READ_INPUT_TOKENS, 50L);
    span.end(); // must not throw
    assertThat(only().getAttributes().get(GenAiSemconv.USAGE_COST_AMOUNT)).isNull();
    assertThat(events).singleElement().satisfies(e -> assertThat(e.cost()).isNull());
  }

  @Test
  void optionsReadByTheFactory() {
    GenAiConfig defaults = new GenAiConfig(name -> null);
    assertThat(defaults.costEnabled()).isTrue();
    assertThat(defaults.pricingFile()).isNull();
    assertThat(defaults.usageFile()).isNull();
    assertThat(defaults.usageLogsEnabled()).isTrue();
    assertThat(defaults.usageTenantBaggageKey()).isEqualTo("tenant");
    assertThat(defaults.usageQueueSize()).isEqualTo(2048);
    GenAiConfig set =
        new GenAiConfig(
            name -> {
              switch (name) {
                case "otel.instrumentation.genai.usage.file":
                  return "/tmp/usage.jsonl";
                case "otel.instrumentation.genai.usage.logs.enabled":
                  return "false";
                case "otel.instrumentation.genai.usage.queue-size":
                  return "zero";
                default:
                  return null;
              }
            });
    assertThat(set.usageQueueSize()).isEqualTo(2048);
    // The file sink, no log sink, and the sink listed in META-INF/services (test resources).
    assertThat(CostSpanProcessors.sinks(set, () -> null))
        .extracting(sink -> sink.getClass().getSimpleName())
        .containsExactly("JsonLinesUsageSink", "RecordingUsageSink");
    assertThat(CostSpanProcessors.sinks(defaults, () -> null))
        .extracting(sink -> sink.getClass().getSimpleName())
        .containsExactly("OtelLogUsageSink", "RecordingUsageSink");
  }

  @Test
  void baggageLabelsBecomeSpanAttributesAndCappedCostLabels() {
    setUp(Sampler.alwaysOn(), Arrays.asList("tenant", "feature"), 2);
    for (String tenant : Arrays.asList("red", "green", "blue", "cyan")) {
      Span span;
      Baggage baggage = Baggage.builder().put("tenant", tenant).put("user", "u-1").build();
      try (Scope ignored = baggage.makeCurrent()) {
        span = chat(GenAiSemconv.PROVIDER_NAME, "openai", "gpt-4o");
      }
      span.setAttribute(GenAiSemconv.USAGE_INPUT_TOKENS, 10L);
      span.setAttribute(GenAiSemconv.USAGE_OUTPUT_TOKENS, 1L);
      span.end();
    }
    assertThat(dispatcher.flush(5000)).isTrue();
    // The span has the real value; the metrics the first two and then _OTHER.
    assertThat(spans.getFinishedSpanItems())
        .extracting(s -> s.getAttributes().get(AttributeKey.stringKey("tenant")))
        .containsExactly("red", "green", "blue", "cyan");
    assertThat(spans.getFinishedSpanItems())
        .allSatisfy(
            s -> {
              assertThat(s.getAttributes().get(AttributeKey.stringKey("user"))).isNull();
              assertThat(s.getAttributes().get(AttributeKey.stringKey("feature"))).isNull();
            });
    MetricData cost = metric(GenAiSemconv.METRIC_COST);
    Set<String> tenants =
        cost.getDoubleSumData().getPoints().stream()
            .map(p -> p.getAttributes().get(AttributeKey.stringKey("tenant")))
            .collect(Collectors.toSet());
    assertThat(tenants).containsExactlyInAnyOrder("red", "green", "_OTHER");
  }

  @Test
  void randomModelNamesAreCappedOnCostMetrics() {
    setUp(Sampler.alwaysOn(), Collections.<String>emptyList(), 3);
    for (int i = 0; i < 6; i++) {
      Span span = chat(GenAiSemconv.PROVIDER_NAME, "openai", "no-price-" + i);
      span.setAttribute(GenAiSemconv.USAGE_INPUT_TOKENS, 10L);
      span.end();
    }
    assertThat(dispatcher.flush(5000)).isTrue();
    assertThat(
            metric(GenAiSemconv.METRIC_COST_UNPRICED).getLongSumData().getPoints().stream()
                .map(p -> p.getAttributes().get(GenAiSemconv.REQUEST_MODEL))
                .collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("no-price-0", "no-price-1", "no-price-2", "_OTHER");
  }

  @Test
  void recordedButUnsampledCallIsPricedAndItsUsageEventSaysSo() throws Exception {
    // What the extension's sampler does to a GenAI span the configured sampler drops.
    setUp(
        new Sampler() {
          @Override
          public SamplingResult shouldSample(
              Context parentContext,
              String traceId,
              String name,
              io.opentelemetry.api.trace.SpanKind spanKind,
              Attributes attributes,
              List<io.opentelemetry.sdk.trace.data.LinkData> parentLinks) {
            return SamplingResult.recordOnly();
          }

          @Override
          public String getDescription() {
            return "recordOnly";
          }
        },
        Collections.<String>emptyList(),
        100);
    Span span = chat(GenAiSemconv.PROVIDER_NAME, "openai", "gpt-4o");
    span.setAttribute(GenAiSemconv.USAGE_INPUT_TOKENS, 1000L);
    span.setAttribute(GenAiSemconv.USAGE_OUTPUT_TOKENS, 100L);
    span.end();
    assertThat(dispatcher.flush(5000)).isTrue();

    assertThat(spans.getFinishedSpanItems()).as("not exported").isEmpty();
    assertThat(metric(GenAiSemconv.METRIC_COST).getDoubleSumData().getPoints()).hasSize(1);
    UsageEvent event = events.get(0);
    assertThat(event.traceSampled()).isFalse();
    assertThat(event.cost()).isPositive();
    assertThat(JsonLinesUsageSink.toJson(event)).contains("\"trace_sampled\":false");

    // The log record of the event carries unsampled trace flags, so nobody looks for the trace.
    InMemoryLogRecordExporter logs = InMemoryLogRecordExporter.create();
    try (OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setLoggerProvider(
                SdkLoggerProvider.builder()
                    .addLogRecordProcessor(SimpleLogRecordProcessor.create(logs))
                    .build())
            .build()) {
      new OtelLogUsageSink(() -> sdk).accept(event);
      new OtelLogUsageSink(() -> sdk)
          .accept(
              UsageEvent.builder()
                  .traceId(event.traceId())
                  .spanId(event.spanId())
                  .operation("chat")
                  .build());
      // Read before close: shutting the exporter down empties it.
      List<LogRecordData> records = logs.getFinishedLogRecordItems();
      assertThat(records.get(0).getSpanContext().getTraceId()).isEqualTo(event.traceId());
      assertThat(records.get(0).getSpanContext().isSampled()).isFalse();
      assertThat(records.get(1).getSpanContext().isSampled()).isTrue();
    }
  }

  MetricData metric(String name) {
    return metricReader.collectAllMetrics().stream()
        .filter(m -> m.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name));
  }
}
