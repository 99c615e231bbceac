package dev.llmobs.cost.otel;

import static dev.llmobs.genai.GenAiSemconv.METRIC_COST;
import static dev.llmobs.genai.GenAiSemconv.METRIC_COST_UNPRICED;
import static dev.llmobs.genai.GenAiSemconv.METRIC_OPERATION_COST;
import static dev.llmobs.genai.GenAiSemconv.METRIC_USAGE_EVENTS_DROPPED;
import static dev.llmobs.genai.GenAiSemconv.OPERATION_NAME;
import static dev.llmobs.genai.GenAiSemconv.PROVIDER_NAME;
import static dev.llmobs.genai.GenAiSemconv.REQUEST_MODEL;
import static dev.llmobs.genai.GenAiSemconv.RESPONSE_MODEL;

import dev.llmobs.cost.usage.UsageEventDispatcher;
import dev.llmobs.genai.GenAiBaggageLabels;
import dev.llmobs.genai.MetricLabelCap;
import dev.llmobs.genai.MetricLabelSets;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The cost metrics: {@code gen_ai.client.cost} (USD, a running total), {@code
 * gen_ai.client.operation.cost} (USD per call), {@code gen_ai.client.cost.unpriced} (calls of
 * models without a price) and {@code llmobs.usage.events.dropped}. Labels are provider, operation,
 * request and response model and the configured baggage labels: low cardinality, never an id. Model
 * and baggage values go through a {@link MetricLabelCap} of the extension's class loader, apart
 * from the one of the token metrics (which run in the application's class loader).
 */
final class CostMetrics {

  static final String SCOPE = "dev.llmobs.genai.cost";

  // One hundredth of a cent up to $50 per call.
  static final List<Double> COST_BUCKETS =
      Arrays.asList(0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0, 50.0);

  private final DoubleCounter cost;
  private final DoubleHistogram operationCost;
  private final LongCounter unpriced;
  private final MetricLabelCap labelCap;
  private final GenAiBaggageLabels baggageLabels;
  private final MetricLabelSets<MetricLabelSets.Key, Attributes> sets = new MetricLabelSets<>();

  CostMetrics(
      Meter meter,
      UsageEventDispatcher dispatcher,
      MetricLabelCap labelCap,
      GenAiBaggageLabels baggageLabels) {
    this.labelCap = labelCap;
    this.baggageLabels = baggageLabels;
    cost =
        meter
            .counterBuilder(METRIC_COST)
            .ofDoubles()
            .setUnit("USD")
            .setDescription("Cost of GenAI calls, computed from the price catalog")
            .build();
    operationCost =
        meter
            .histogramBuilder(METRIC_OPERATION_COST)
            .setUnit("USD")
            .setDescription("Cost of one GenAI call")
            .setExplicitBucketBoundariesAdvice(COST_BUCKETS)
            .build();
    unpriced =
        meter
            .counterBuilder(METRIC_COST_UNPRICED)
            .setUnit("{call}")
            .setDescription("GenAI calls with usage whose model has no price in the catalog")
            .build();
    if (dispatcher != null) {
      meter
          .counterBuilder(METRIC_USAGE_EVENTS_DROPPED)
          .setUnit("{event}")
          .setDescription("Usage events dropped because the usage-event queue was full")
          .buildWithCallback(measurement -> measurement.record(dispatcher.droppedCount()));
    }
  }

  void recordCost(
      BigDecimal amount,
      String provider,
      String operation,
      String requestModel,
      String responseModel,
      Attributes span) {
    Attributes attributes = attributes(provider, operation, requestModel, responseModel, span);
    double value = amount.doubleValue();
    cost.add(value, attributes);
    operationCost.record(value, attributes);
  }

  void recordUnpriced(
      String provider,
      String operation,
      String requestModel,
      String responseModel,
      Attributes span) {
    unpriced.add(1, attributes(provider, operation, requestModel, responseModel, span));
  }

  private Attributes attributes(
      String provider,
      String operation,
      String requestModel,
      String responseModel,
      Attributes span) {
    if (!baggageLabels.isEmpty()) {
      return build(provider, operation, requestModel, responseModel, span);
    }
    // Without baggage labels the set depends on these four values only: built once each.
    MetricLabelSets.Key key =
        MetricLabelSets.key(provider, operation, requestModel, responseModel, null);
    Attributes attributes = sets.get(key);
    if (attributes == null) {
      attributes =
          sets.keep(
              key, build(provider, operation, requestModel, responseModel, Attributes.empty()));
    }
    return attributes;
  }

  private Attributes build(
      String provider,
      String operation,
      String requestModel,
      String responseModel,
      Attributes span) {
    AttributesBuilder builder = Attributes.builder().put(OPERATION_NAME, operation);
    if (provider != null) {
      builder.put(PROVIDER_NAME, provider);
    }
    if (requestModel != null) {
      builder.put(REQUEST_MODEL, labelCap.cap(REQUEST_MODEL.getKey(), requestModel));
    }
    if (responseModel != null) {
      builder.put(RESPONSE_MODEL, labelCap.cap(RESPONSE_MODEL.getKey(), responseModel));
    }
    baggageLabels.putMetricLabels(span, builder, labelCap);
    return builder.build();
  }

  /** Whether the labels read the span's attributes (its baggage labels). */
  boolean readsSpanAttributes() {
    return !baggageLabels.isEmpty();
  }
}
