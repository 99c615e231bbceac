package dev.llmobs.genai;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.instrumentation.api.instrumenter.OperationListener;

/**
 * Agent and tool operations in {@code gen_ai.client.operation.duration}: points with {@code
 * gen_ai.operation.name} {@code execute_tool} (by {@code gen_ai.tool.name}) or {@code invoke_agent}
 * (by {@code gen_ai.agent.name}), {@code error.type} on failure and the configured baggage labels.
 * Tool and agent names come from the application's code, so they are bounded; they still go through
 * a {@link MetricLabelCap}, since a name can also come from a model or a remote tool list.
 * Operations count in no token, chunk or in-flight metric: those are the inference calls'.
 */
final class GenAiOperationMetrics implements OperationListener {

  private static final ContextKey<State> STATE = ContextKey.named("llmobs-genai-op-metrics");

  private final DoubleHistogram duration;
  private final MetricLabelCap labelCap;
  private final GenAiBaggageLabels baggageLabels;

  static GenAiOperationMetrics create(Meter meter) {
    GenAiConfig config = GenAiConfig.fromAgent();
    return new GenAiOperationMetrics(
        meter,
        new MetricLabelCap(config.metricsMaxLabelValues()),
        new GenAiBaggageLabels(config.costBaggageLabels()));
  }

  GenAiOperationMetrics(Meter meter, MetricLabelCap labelCap, GenAiBaggageLabels baggageLabels) {
    this.labelCap = labelCap;
    this.baggageLabels = baggageLabels;
    // The same instrument as the inference calls' (same name, unit and advice).
    duration = GenAiClientMetrics.durationHistogram(meter);
  }

  @Override
  public Context onStart(Context context, Attributes startAttributes, long startNanos) {
    AttributesBuilder builder = Attributes.builder();
    String operation = startAttributes.get(GenAiSemconv.OPERATION_NAME);
    if (operation != null) {
      builder.put(GenAiSemconv.OPERATION_NAME, operation);
    }
    String provider = startAttributes.get(GenAiSemconv.PROVIDER_NAME);
    if (provider != null) {
      builder.put(
          GenAiSemconv.PROVIDER_NAME, labelCap.cap(GenAiSemconv.PROVIDER_NAME.getKey(), provider));
    }
    String tool = startAttributes.get(GenAiSemconv.TOOL_NAME);
    if (tool != null) {
      builder.put(GenAiSemconv.TOOL_NAME, labelCap.cap(GenAiSemconv.TOOL_NAME.getKey(), tool));
    }
    String agent = startAttributes.get(GenAiSemconv.AGENT_NAME);
    if (agent != null) {
      builder.put(GenAiSemconv.AGENT_NAME, labelCap.cap(GenAiSemconv.AGENT_NAME.getKey(), agent));
    }
    baggageLabels.putMetricLabels(
        baggageLabels.fromBaggage(Baggage.fromContext(context)), builder, labelCap);
    return context.with(STATE, new State(builder.build(), startNanos));
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
