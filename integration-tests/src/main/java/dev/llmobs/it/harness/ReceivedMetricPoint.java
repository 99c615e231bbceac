package dev.llmobs.it.harness;

import java.util.Map;

/**
 * One data point of a metric as an OTLP receiver got it: for a histogram, {@code count} and {@code
 * value} (the sum); for a sum or gauge, {@code value} and a count of 1.
 */
public record ReceivedMetricPoint(
    String scopeName,
    String name,
    String unit,
    Map<String, Object> attributes,
    double value,
    long count) {

  public Object attribute(String key) {
    return attributes.get(key);
  }
}
