package dev.llmobs.cost.otel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmobs.cost.PriceLookup;
import dev.llmobs.cost.catalog.CatalogLoader;
import dev.llmobs.cost.usage.UsageEvent;
import dev.llmobs.cost.usage.UsageEventDispatcher;
import dev.llmobs.cost.usage.UsageSink;
import dev.llmobs.genai.GenAiConfig;
import dev.llmobs.genai.GenAiSemconv;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The processor with a real SDK: spans as any instrumentation would make them. */
class CostSpanProcessorTest {

  static final PriceLookup lookup = new PriceLookup(CatalogLoader.builtIn());

  final List<UsageEvent> events = new CopyOnWriteArrayList<>();
  final InMemorySpanExporter spans = InMemorySpanExporter.create();
  final InMemoryMetricReader metricReader = InMemoryMetricReader.create();
  SdkMeterProvider meterProvider;
  SdkTracerProvider tracerProvider;
  UsageEventDispatcher dispatcher;
  Tracer tracer;

  @BeforeEach
  void setUp() {
    meterProvider = SdkMeterProvider.builder().registerMetricReader(metricReader).build();
    UsageSink collect = events::add;
    dispatcher = new UsageEventDispatcher(Collections.singletonList(collect), 16);
    CostMetrics metrics = new CostMetrics(meterProvider.get(CostMetrics.SCOPE), dispatcher);
    CostSpanProcessor processor =
        new CostSpanProcessor(() -> lookup, () -> metrics, dispatcher, "tenant");
    tracerProvider =
        SdkTracerProvider.builder()
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
}
