package dev.llmobs.cost.otel;

import dev.llmobs.cost.CostCalculator;
import dev.llmobs.cost.PriceLookup;
import dev.llmobs.cost.TokenUsage;
import dev.llmobs.cost.catalog.CatalogLoader;
import dev.llmobs.cost.catalog.PriceCatalog;
import dev.llmobs.cost.catalog.ResolvedModel;
import dev.llmobs.genai.GenAiSemconv;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Per-span cost of pricing, side by side: the cached lookup plus calculation (the budget is 1 µs
 * per span after warm-up), the uncached catalog resolution it avoids, and a whole GenAI span with
 * and without the cost processor (no usage-event sinks, no-op meters).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CostBenchmark {

  PriceCatalog catalog;
  PriceLookup lookup;
  TokenUsage usage;
  SdkTracerProvider withCost;
  SdkTracerProvider without;
  Tracer withCostTracer;
  Tracer withoutTracer;

  @Setup
  public void setUp() {
    catalog = CatalogLoader.builtIn();
    lookup = new PriceLookup(catalog);
    usage = TokenUsage.of(1000, 200, 0, 500, 120);
    CostMetrics metrics = new CostMetrics(MeterProvider.noop().get("bench"), null);
    CostSpanProcessor processor = new CostSpanProcessor(() -> lookup, () -> metrics, null, null);
    withCost =
        SdkTracerProvider.builder()
            .setSampler(Sampler.alwaysOn())
            .addSpanProcessor(processor)
            .build();
    without = SdkTracerProvider.builder().setSampler(Sampler.alwaysOn()).build();
    withCostTracer = withCost.get("bench");
    withoutTracer = without.get("bench");
  }

  @TearDown
  public void tearDown() {
    withCost.shutdown();
    without.shutdown();
  }

  /** What the processor does per priced span: cached lookup, then BigDecimal arithmetic. */
  @Benchmark
  public BigDecimal cachedLookupAndCost() {
    ResolvedModel model = lookup.find("openai", "gpt-4o-2024-08-06", "gpt-4o");
    return CostCalculator.cost(model.pricesAt(1_780_000_000_000L), usage);
  }

  @Benchmark
  public ResolvedModel cachedLookup() {
    return lookup.find("openai", "gpt-4o-2024-08-06", "gpt-4o");
  }

  /** Resolution against the catalog's match rules, what the cache saves. */
  @Benchmark
  public ResolvedModel uncachedResolve() {
    return catalog.resolve("openai", "gpt-4o-2024-08-06");
  }

  @Benchmark
  public void genAiSpanWithCostProcessor() {
    genAiSpan(withCostTracer);
  }

  @Benchmark
  public void genAiSpanWithoutCostProcessor() {
    genAiSpan(withoutTracer);
  }

  private static void genAiSpan(Tracer tracer) {
    Span span =
        tracer
            .spanBuilder("chat gpt-4o")
            .setAttribute(GenAiSemconv.OPERATION_NAME, "chat")
            .setAttribute(GenAiSemconv.PROVIDER_NAME, "openai")
            .setAttribute(GenAiSemconv.REQUEST_MODEL, "gpt-4o")
            .startSpan();
    span.setAttribute(GenAiSemconv.RESPONSE_MODEL, "gpt-4o-2024-08-06");
    span.setAttribute(GenAiSemconv.USAGE_INPUT_TOKENS, 1000L);
    span.setAttribute(GenAiSemconv.USAGE_CACHE_READ_INPUT_TOKENS, 200L);
    span.setAttribute(GenAiSemconv.USAGE_OUTPUT_TOKENS, 500L);
    span.setAttribute(GenAiSemconv.USAGE_REASONING_OUTPUT_TOKENS, 120L);
    span.end();
  }
}
