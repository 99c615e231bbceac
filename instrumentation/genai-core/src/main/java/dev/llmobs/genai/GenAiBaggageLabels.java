package dev.llmobs.genai;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The baggage entries named by {@code otel.instrumentation.genai.cost.baggage-labels}: each becomes
 * an attribute of the GenAI span (named as the entry, its value cut to {@link
 * MetricLabelCap#MAX_VALUE_LENGTH} characters and marked, as every hostile string) and a label of
 * the token and cost metrics (through a {@link MetricLabelCap}). Baggage comes from clients, so its
 * values are hostile: never unbounded on a metric.
 */
public final class GenAiBaggageLabels {

  private final List<AttributeKey<String>> keys;

  public GenAiBaggageLabels(List<String> names) {
    List<AttributeKey<String>> result = new ArrayList<>();
    for (String name : names) {
      result.add(AttributeKey.stringKey(name));
    }
    this.keys = Collections.unmodifiableList(result);
  }

  public boolean isEmpty() {
    return keys.isEmpty();
  }

  /** The configured entries present in {@code baggage}, as span attributes. */
  public Attributes fromBaggage(Baggage baggage) {
    if (keys.isEmpty()) {
      return Attributes.empty();
    }
    AttributesBuilder builder = Attributes.builder();
    for (AttributeKey<String> key : keys) {
      String value = baggage.getEntryValue(key.getKey());
      if (value != null) {
        builder.put(key, GenAiStrings.cap(value, MetricLabelCap.MAX_VALUE_LENGTH));
      }
    }
    return builder.build();
  }

  /** Copies the configured labels from {@code source} to {@code target}, each through the cap. */
  public void putMetricLabels(Attributes source, AttributesBuilder target, MetricLabelCap cap) {
    for (AttributeKey<String> key : keys) {
      String value = source.get(key);
      if (value != null) {
        target.put(key, cap.cap(key.getKey(), value));
      }
    }
  }
}
