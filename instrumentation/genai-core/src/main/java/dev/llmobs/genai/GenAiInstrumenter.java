package dev.llmobs.genai;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.instrumenter.SpanKindExtractor;

/**
 * The one {@link Instrumenter} every provider module shares: span name, CLIENT kind, attributes
 * and error status come from here, so a provider only maps its SDK types to {@link GenAiRequest}
 * and {@link GenAiResponse}.
 */
public final class GenAiInstrumenter {

  public static final String INSTRUMENTATION_NAME = "dev.llmobs.genai";

  private static volatile Instrumenter<GenAiRequest, GenAiResponse> instance;

  public static Instrumenter<GenAiRequest, GenAiResponse> get() {
    Instrumenter<GenAiRequest, GenAiResponse> result = instance;
    if (result == null) {
      synchronized (GenAiInstrumenter.class) {
        result = instance;
        if (result == null) {
          result = create();
          instance = result;
        }
      }
    }
    return result;
  }

  private static Instrumenter<GenAiRequest, GenAiResponse> create() {
    return Instrumenter.<GenAiRequest, GenAiResponse>builder(
            GlobalOpenTelemetry.get(), INSTRUMENTATION_NAME, new GenAiSpanNames())
        .setInstrumentationVersion(LlmobsVersion.VERSION)
        .addAttributesExtractor(new GenAiAttributesExtractor())
        .buildInstrumenter(SpanKindExtractor.alwaysClient());
  }

  private GenAiInstrumenter() {}
}
