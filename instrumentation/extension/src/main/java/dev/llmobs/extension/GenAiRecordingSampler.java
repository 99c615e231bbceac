package dev.llmobs.extension;

import dev.llmobs.genai.GenAiSemconv;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;

/**
 * Wraps the configured sampler so that a GenAI span it drops is recorded instead of dropped: span
 * processors see it (the cost processor prices it and writes its usage event) but it is not
 * sampled, so it is not exported and its trace flags stay "not sampled". A span is a GenAI span
 * when its start attributes carry {@code gen_ai.operation.name}, as every GenAI instrumentation
 * sets them. Every other decision is the delegate's, untouched.
 *
 * <p>Children follow the recorded span's flags: under a parent-based sampler they are dropped as
 * they would have been, and the {@code traceparent} sent upstream says "not sampled".
 */
final class GenAiRecordingSampler implements Sampler {

  private final Sampler delegate;

  GenAiRecordingSampler(Sampler delegate) {
    this.delegate = delegate;
  }

  @Override
  public SamplingResult shouldSample(
      Context parentContext,
      String traceId,
      String name,
      SpanKind spanKind,
      Attributes attributes,
      List<LinkData> parentLinks) {
    SamplingResult result =
        delegate.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    if (result.getDecision() != SamplingDecision.DROP
        || attributes.get(GenAiSemconv.OPERATION_NAME) == null) {
      return result;
    }
    return new RecordOnly(result);
  }

  @Override
  public String getDescription() {
    return "LlmobsGenAiRecordingSampler{" + delegate.getDescription() + "}";
  }

  @Override
  public String toString() {
    return getDescription();
  }

  /** The delegate's result (attributes, trace state) with the decision RECORD_ONLY. */
  private static final class RecordOnly implements SamplingResult {
    private final SamplingResult dropped;

    RecordOnly(SamplingResult dropped) {
      this.dropped = dropped;
    }

    @Override
    public SamplingDecision getDecision() {
      return SamplingDecision.RECORD_ONLY;
    }

    @Override
    public Attributes getAttributes() {
      return dropped.getAttributes();
    }

    @Override
    public TraceState getUpdatedTraceState(TraceState parentTraceState) {
      return dropped.getUpdatedTraceState(parentTraceState);
    }
  }
}
