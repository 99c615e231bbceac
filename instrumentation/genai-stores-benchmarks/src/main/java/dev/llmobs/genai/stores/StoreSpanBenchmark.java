package dev.llmobs.genai.stores;

import dev.llmobs.cost.otel.CostSpanProcessors;
import dev.llmobs.genai.GenAiConfig;
import dev.llmobs.genai.GenAiSemconv;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.instrumenter.SpanKindExtractor;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Per-call cost of a store span, side by side in one JVM: the store method alone (an in-memory
 * get), the same wrapped in a store span as every store module makes it ({@link StoreCall}: span,
 * duration metric, active-conversation sketch, MDC context), and the same inside a request (a local
 * root span, as an HTTP server instrumentation makes it), where the conversation id is also handed
 * to the request. The SDK is the agent's: a batch span processor (with an exporter that drops the
 * spans) after llmobs' cost processor, which tracks store spans' requests, and a real meter
 * provider.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StoreSpanBenchmark {

  /** What the application's store does: an in-memory lookup. */
  static final class InMemoryStore {
    final Map<String, List<String>> conversations = new ConcurrentHashMap<>();

    List<String> get(String id) {
      return conversations.get(id);
    }
  }

  OpenTelemetrySdk sdk;
  InMemoryStore store;
  Context request;
  Instrumenter<String, Void> server;

  @Setup(Level.Trial)
  public void setUp() {
    GenAiConfig noUsageEvents =
        new GenAiConfig(
            name ->
                name.equals(GenAiConfig.PREFIX + GenAiConfig.USAGE_LOGS_ENABLED) ? "false" : null);
    GlobalOpenTelemetry.resetForTest();
    sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(
                        CostSpanProcessors.create(noUsageEvents, GlobalOpenTelemetry::get))
                    .build())
            .setMeterProvider(SdkMeterProvider.builder().build())
            .buildAndRegisterGlobal();
    store = new InMemoryStore();
    store.conversations.put("conv-1", Arrays.asList("m1", "m2"));
    server =
        Instrumenter.<String, Void>builder(sdk, "bench-server", n -> n)
            .buildInstrumenter(SpanKindExtractor.alwaysServer());
    request = server.start(Context.root(), "POST /v1/responses");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    server.end(request, "POST /v1/responses", null, null);
    sdk.close();
    GlobalOpenTelemetry.resetForTest();
  }

  @Benchmark
  public List<String> storeMethodAlone() {
    return store.get("conv-1");
  }

  @Benchmark
  public List<String> withStoreSpan() {
    return traced();
  }

  @Benchmark
  public List<String> withStoreSpanInARequest() {
    try (io.opentelemetry.context.Scope ignored = request.makeCurrent()) {
      return traced();
    }
  }

  /** The SDK's own share: a span with the same attributes, made and ended directly. */
  @Benchmark
  public List<String> withBareSdkSpan() {
    io.opentelemetry.api.trace.Span span =
        sdk.getTracer("bench")
            .spanBuilder("get ConversationStore")
            .setAttribute(GenAiSemconv.STORE_OPERATION, GenAiSemconv.STORE_GET)
            .setAttribute(GenAiSemconv.STORE_NAME, "ConversationStore")
            .setAttribute(GenAiSemconv.STORE_BACKEND, "memory")
            .setAttribute(GenAiSemconv.CONVERSATION_ID, "conv-1")
            .startSpan();
    try (io.opentelemetry.context.Scope ignored = span.makeCurrent()) {
      List<String> result = store.get("conv-1");
      span.setAttribute(GenAiSemconv.STORE_MESSAGE_COUNT, (long) result.size());
      return result;
    } finally {
      span.end();
    }
  }

  @Benchmark
  public void requestScopeAlone() {
    try (io.opentelemetry.context.Scope ignored = request.makeCurrent()) {
      store.get("conv-1");
    }
  }

  // What the advice does around the method.
  private List<String> traced() {
    StoreCall call =
        StoreCall.start(
            "bench",
            new StoreRequest(GenAiSemconv.STORE_GET, "ConversationStore", "memory", store)
                .conversationId("conv-1"));
    List<String> result = null;
    Throwable error = null;
    try {
      result = store.get("conv-1");
      return result;
    } catch (RuntimeException e) {
      error = e;
      throw e;
    } finally {
      if (call != null) {
        call.end(result, error);
      }
    }
  }
}
