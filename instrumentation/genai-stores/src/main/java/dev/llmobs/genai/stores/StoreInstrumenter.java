package dev.llmobs.genai.stores;

import dev.llmobs.genai.GenAiConfig;
import dev.llmobs.genai.GenAiSemconv;
import dev.llmobs.genai.LlmobsVersion;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.instrumenter.SpanKindExtractor;

/**
 * The one {@link Instrumenter} of store operations (INTERNAL spans {@code {operation} {store}}, the
 * store metrics) and the {@code llmobs.conversations.active} gauge, shared by every store module.
 */
public final class StoreInstrumenter {

  public static final String INSTRUMENTATION_NAME = "dev.llmobs.stores";

  private static volatile StoreInstrumenter instance;

  final Instrumenter<StoreRequest, StoreOutcome> instrumenter;
  final ActiveConversations conversations;

  private StoreInstrumenter() {
    conversations = new ActiveConversations(GenAiConfig.fromAgent().conversationsWindowMillis());
    instrumenter =
        Instrumenter.<StoreRequest, StoreOutcome>builder(
                GlobalOpenTelemetry.get(), INSTRUMENTATION_NAME, new StoreSpanNames())
            .setInstrumentationVersion(LlmobsVersion.VERSION)
            .addAttributesExtractor(new StoreAttributes())
            .setSpanStatusExtractor(
                (status, request, outcome, error) -> {
                  if (error != null || (outcome != null && outcome.errorType != null)) {
                    status.setStatus(StatusCode.ERROR);
                  }
                })
            .addOperationMetrics(StoreMetrics::new)
            .buildInstrumenter(SpanKindExtractor.alwaysInternal());
    GlobalOpenTelemetry.get()
        .getMeter(INSTRUMENTATION_NAME)
        .gaugeBuilder(GenAiSemconv.METRIC_CONVERSATIONS_ACTIVE)
        .ofLongs()
        .setUnit("{conversation}")
        .setDescription(
            "Distinct conversation ids touched by store operations in the sliding window"
                + " (otel.instrumentation.genai.conversations.window)")
        .buildWithCallback(
            measurement -> measurement.record(conversations.estimate(System.currentTimeMillis())));
  }

  static StoreInstrumenter get() {
    StoreInstrumenter result = instance;
    if (result == null) {
      synchronized (StoreInstrumenter.class) {
        result = instance;
        if (result == null) {
          result = new StoreInstrumenter();
          instance = result;
        }
      }
    }
    return result;
  }
}
