package dev.llmobs.it.harness;

import java.util.Map;

/** One log record as an OTLP receiver got it: its scope, event name, body and attributes. */
public record ReceivedLogRecord(
    String scopeName, String eventName, Object body, Map<String, Object> attributes) {

  public Object attribute(String key) {
    return attributes.get(key);
  }
}
