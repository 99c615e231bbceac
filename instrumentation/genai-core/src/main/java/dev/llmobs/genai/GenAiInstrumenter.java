package dev.llmobs.genai;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.instrumenter.SpanKindExtractor;

/**
 * The one {@link Instrumenter} every provider module shares: span name, CLIENT kind, attributes and
 * error status come from here, so a provider only maps its SDK types to {@link GenAiRequest} and
 * {@link GenAiResponse}. Agent and tool operations have an instrumenter of their own ({@link
 * #operations}).
 */
public final class GenAiInstrumenter {

  public static final String INSTRUMENTATION_NAME = "dev.llmobs.genai";

  private static volatile Instrumenter<GenAiRequest, GenAiResponse> instance;
  private static volatile Instrumenter<GenAiOperationRequest, GenAiOperationResult> operations;
  // -1 until read; then 0 when content capture is off, else the maximum captured length.
  private static volatile int captureContentMaxLength = -1;

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

  /** The instrumenter of agent and tool operations: INTERNAL spans, see {@link GenAiOperation}. */
  public static Instrumenter<GenAiOperationRequest, GenAiOperationResult> operations() {
    Instrumenter<GenAiOperationRequest, GenAiOperationResult> result = operations;
    if (result == null) {
      synchronized (GenAiInstrumenter.class) {
        result = operations;
        if (result == null) {
          GenAiOperationSpans spans = new GenAiOperationSpans();
          result =
              Instrumenter.<GenAiOperationRequest, GenAiOperationResult>builder(
                      GlobalOpenTelemetry.get(), INSTRUMENTATION_NAME, spans)
                  .setInstrumentationVersion(LlmobsVersion.VERSION)
                  .addAttributesExtractor(spans)
                  .setSpanStatusExtractor(spans)
                  .addOperationMetrics(GenAiOperationMetrics::create)
                  .buildInstrumenter(SpanKindExtractor.alwaysInternal());
          operations = result;
        }
      }
    }
    return result;
  }

  /** Forgets the instrumenters and options, so that the next use reads the global SDK anew. */
  static synchronized void resetForTest() {
    instance = null;
    operations = null;
    captureContentMaxLength = -1;
  }

  /** The maximum captured-content length, or 0 when content capture is off (the default). */
  public static int captureContentMaxLength() {
    int result = captureContentMaxLength;
    if (result < 0) {
      GenAiConfig config = GenAiConfig.fromAgent();
      result = config.captureMessageContent() ? config.captureMessageContentMaxLength() : 0;
      captureContentMaxLength = result;
    }
    return result;
  }

  private static Instrumenter<GenAiRequest, GenAiResponse> create() {
    return Instrumenter.<GenAiRequest, GenAiResponse>builder(
            GlobalOpenTelemetry.get(), INSTRUMENTATION_NAME, new GenAiSpanNames())
        .setInstrumentationVersion(LlmobsVersion.VERSION)
        .addAttributesExtractor(new GenAiAttributesExtractor())
        .setSpanStatusExtractor(new GenAiSpanStatus())
        .addOperationMetrics(GenAiClientMetrics::create)
        .buildInstrumenter(SpanKindExtractor.alwaysClient());
  }

  private GenAiInstrumenter() {}
}
