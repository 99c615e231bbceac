package dev.llmobs.it.harness;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One span as an OTLP receiver got it, with its resource and decoded attributes. */
public record ReceivedSpan(Resource resource, String scopeName, Span span) {

  public String name() {
    return span.getName();
  }

  public Span.SpanKind kind() {
    return span.getKind();
  }

  public String traceId() {
    return HexFormat.of().formatHex(span.getTraceId().toByteArray());
  }

  public String spanId() {
    return HexFormat.of().formatHex(span.getSpanId().toByteArray());
  }

  /** Empty for a root span. */
  public String parentSpanId() {
    return HexFormat.of().formatHex(span.getParentSpanId().toByteArray());
  }

  public double durationMillis() {
    return (span.getEndTimeUnixNano() - span.getStartTimeUnixNano()) / 1_000_000.0;
  }

  public Map<String, Object> attributes() {
    return decode(span.getAttributesList());
  }

  public Object attribute(String key) {
    return attributes().get(key);
  }

  public Map<String, Object> resourceAttributes() {
    return decode(resource.getAttributesList());
  }

  static Map<String, Object> decode(List<KeyValue> keyValues) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (KeyValue kv : keyValues) {
      result.put(kv.getKey(), value(kv.getValue()));
    }
    return result;
  }

  static Object value(AnyValue value) {
    switch (value.getValueCase()) {
      case STRING_VALUE:
        return value.getStringValue();
      case BOOL_VALUE:
        return value.getBoolValue();
      case INT_VALUE:
        return value.getIntValue();
      case DOUBLE_VALUE:
        return value.getDoubleValue();
      case ARRAY_VALUE:
        return value.getArrayValue().getValuesList().stream()
            .map(ReceivedSpan::value)
            .collect(Collectors.toList());
      case KVLIST_VALUE:
        return decode(value.getKvlistValue().getValuesList());
      case BYTES_VALUE:
        return value.getBytesValue().toByteArray();
      default:
        return null;
    }
  }

  @Override
  public String toString() {
    return name() + " [" + kind() + "] " + attributes();
  }
}
