package dev.llmobs.instrumentation.mcp.v1_0;

import dev.llmobs.genai.GenAiConfig;
import dev.llmobs.genai.GenAiSemconv;
import dev.llmobs.genai.MetricLabelCap;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.instrumentation.api.instrumenter.OperationListener;
import java.util.Arrays;
import java.util.List;

/**
 * {@code mcp.client.operation.duration} and {@code mcp.server.operation.duration}, from the span's
 * own attributes. Labels are the low-cardinality ones of the semantic conventions (never an id or a
 * URI); the values a peer controls (method, tool and prompt names on a server, error codes, server
 * addresses) go through a {@link MetricLabelCap}.
 */
final class McpMetrics implements OperationListener {

  // Semantic-convention bucket advice for the MCP operation durations (seconds).
  static final List<Double> DURATION_BUCKETS =
      Arrays.asList(0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0);

  private static final List<AttributeKey<String>> START_LABELS =
      Arrays.asList(
          GenAiSemconv.MCP_METHOD_NAME,
          GenAiSemconv.OPERATION_NAME,
          GenAiSemconv.TOOL_NAME,
          GenAiSemconv.PROMPT_NAME);

  private static final List<AttributeKey<String>> END_LABELS =
      Arrays.asList(
          GenAiSemconv.ERROR_TYPE,
          GenAiSemconv.RPC_RESPONSE_STATUS_CODE,
          GenAiSemconv.MCP_PROTOCOL_VERSION,
          GenAiSemconv.NETWORK_TRANSPORT,
          GenAiSemconv.NETWORK_PROTOCOL_NAME,
          GenAiSemconv.NETWORK_PROTOCOL_VERSION,
          GenAiSemconv.SERVER_ADDRESS);

  private static final ContextKey<State> STATE = ContextKey.named("llmobs-mcp-metrics");

  private final DoubleHistogram duration;
  private final MetricLabelCap labelCap;

  static McpMetrics client(Meter meter) {
    return new McpMetrics(
        meter,
        GenAiSemconv.METRIC_MCP_CLIENT_OPERATION_DURATION,
        "The duration of the MCP request or notification as observed on the sender",
        labelCap());
  }

  static McpMetrics server(Meter meter) {
    return new McpMetrics(
        meter,
        GenAiSemconv.METRIC_MCP_SERVER_OPERATION_DURATION,
        "MCP request or notification duration as observed on the receiver",
        labelCap());
  }

  private static MetricLabelCap labelCap() {
    return new MetricLabelCap(GenAiConfig.fromAgent().metricsMaxLabelValues());
  }

  McpMetrics(Meter meter, String name, String description, MetricLabelCap labelCap) {
    this.labelCap = labelCap;
    duration =
        meter
            .histogramBuilder(name)
            .setUnit("s")
            .setDescription(description)
            .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
            .build();
  }

  @Override
  public Context onStart(Context context, Attributes startAttributes, long startNanos) {
    AttributesBuilder labels = Attributes.builder();
    copy(startAttributes, START_LABELS, labels);
    return context.with(STATE, new State(labels.build(), startNanos));
  }

  @Override
  public void onEnd(Context context, Attributes endAttributes, long endNanos) {
    State state = context.get(STATE);
    if (state == null) {
      return;
    }
    AttributesBuilder labels = state.labels.toBuilder();
    copy(endAttributes, END_LABELS, labels);
    Long port = endAttributes.get(GenAiSemconv.SERVER_PORT);
    if (port != null) {
      labels.put(GenAiSemconv.SERVER_PORT, port);
    }
    duration.record((endNanos - state.startNanos) / 1_000_000_000.0, labels.build(), context);
  }

  private void copy(Attributes from, List<AttributeKey<String>> keys, AttributesBuilder to) {
    for (AttributeKey<String> key : keys) {
      String value = from.get(key);
      if (value != null) {
        to.put(key, labelCap.cap(key.getKey(), value));
      }
    }
  }

  private static final class State {
    final Attributes labels;
    final long startNanos;

    State(Attributes labels, long startNanos) {
      this.labels = labels;
      this.startNanos = startNanos;
    }
  }
}
