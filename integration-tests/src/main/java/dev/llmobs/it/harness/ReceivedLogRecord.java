package dev.llmobs.it.harness;

import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.resource.v1.Resource;
import java.util.HexFormat;
import java.util.Map;

/** One log record as an OTLP receiver got it: an application log line or an event. */
public record ReceivedLogRecord(Resource resource, String scopeName, LogRecord record) {

  /** The event name ({@code gen_ai.usage} for usage events), or empty. */
  public String eventName() {
    return record.getEventName();
  }

  public String body() {
    return String.valueOf(ReceivedSpan.value(record.getBody()));
  }

  public Map<String, Object> attributes() {
    return ReceivedSpan.decode(record.getAttributesList());
  }

  public Object attribute(String key) {
    return attributes().get(key);
  }

  /** Empty when the record is not in a trace. */
  public String traceId() {
    return HexFormat.of().formatHex(record.getTraceId().toByteArray());
  }

  public String spanId() {
    return HexFormat.of().formatHex(record.getSpanId().toByteArray());
  }

  /** The W3C "sampled" bit of the record's trace flags. */
  public boolean sampled() {
    return (record.getFlags() & 1) == 1;
  }

  @Override
  public String toString() {
    return scopeName + " " + eventName() + " " + body() + " " + attributes();
  }
}
