package dev.llmobs.genai.stores;

import dev.llmobs.genai.GenAiSemconv;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.instrumentation.api.instrumenter.OperationListener;
import java.util.Arrays;
import java.util.List;

/**
 * {@code llmobs.store.operation.duration} by operation, store, backend and {@code error.type}, and
 * {@code llmobs.cache.lookups} by store and result, from the span's own attributes. Never a
 * conversation id as a label.
 */
final class StoreMetrics implements OperationListener {

  // Store operations take from well under a millisecond (memory) to seconds (a remote database).
  static final List<Double> DURATION_BUCKETS =
      Arrays.asList(
          0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0,
          2.5, 5.0, 10.0);

  private static final ContextKey<State> STATE = ContextKey.named("llmobs-store-metrics");

  private final DoubleHistogram duration;
  private final LongCounter cacheLookups;

  StoreMetrics(Meter meter) {
    duration =
        meter
            .histogramBuilder(GenAiSemconv.METRIC_STORE_DURATION)
            .setUnit("s")
            .setDescription("Duration of conversation, chat-memory and cache store operations")
            .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
            .build();
    cacheLookups =
        meter
            .counterBuilder(GenAiSemconv.METRIC_CACHE_LOOKUPS)
            .setUnit("{lookup}")
            .setDescription("Cache lookups (store operations cache_get), by result: hit or miss")
            .build();
  }

  @Override
  public Context onStart(Context context, Attributes startAttributes, long startNanos) {
    Attributes base =
        Attributes.builder()
            .put(GenAiSemconv.STORE_OPERATION, startAttributes.get(GenAiSemconv.STORE_OPERATION))
            .put(GenAiSemconv.STORE_NAME, startAttributes.get(GenAiSemconv.STORE_NAME))
            .put(GenAiSemconv.STORE_BACKEND, startAttributes.get(GenAiSemconv.STORE_BACKEND))
            .build();
    return context.with(STATE, new State(base, startNanos));
  }

  @Override
  public void onEnd(Context context, Attributes endAttributes, long endNanos) {
    State state = context.get(STATE);
    if (state == null) {
      return;
    }
    String errorType = endAttributes.get(GenAiSemconv.ERROR_TYPE);
    Attributes attributes =
        errorType == null
            ? state.attributes
            : state.attributes.toBuilder().put(GenAiSemconv.ERROR_TYPE, errorType).build();
    duration.record((endNanos - state.startNanos) / 1_000_000_000.0, attributes, context);
    String cacheResult = endAttributes.get(GenAiSemconv.CACHE_RESULT);
    if (cacheResult != null) {
      AttributesBuilder lookup =
          Attributes.builder()
              .put(GenAiSemconv.STORE_NAME, state.attributes.get(GenAiSemconv.STORE_NAME))
              .put(GenAiSemconv.CACHE_RESULT, cacheResult);
      cacheLookups.add(1, lookup.build(), context);
    }
  }

  private static final class State {
    final Attributes attributes;
    final long startNanos;

    State(Attributes attributes, long startNanos) {
      this.attributes = attributes;
      this.startNanos = startNanos;
    }
  }
}
