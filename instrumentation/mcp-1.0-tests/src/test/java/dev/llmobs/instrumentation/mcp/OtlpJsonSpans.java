package dev.llmobs.instrumentation.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.TypeRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spans out of the lines the {@code logging-otlp} exporter writes: each holds one OTLP JSON
 * ResourceSpans object after the agent's log prefix.
 */
final class OtlpJsonSpans {

  static final int SERVER = 2;

  static List<Map<String, Object>> parse(List<String> lines) {
    List<Map<String, Object>> spans = new ArrayList<>();
    for (String line : lines) {
      int start = line.indexOf("{\"resource\"");
      if (start < 0) {
        continue;
      }
      try {
        Map<String, Object> resourceSpans =
            McpJsonDefaults.getMapper()
                .readValue(line.substring(start), new TypeRef<Map<String, Object>>() {});
        for (Object scopeSpans : list(resourceSpans.get("scopeSpans"))) {
          for (Object span : list(((Map<?, ?>) scopeSpans).get("spans"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) span;
            spans.add(typed);
          }
        }
      } catch (Exception e) {
        // Not an exporter line after all.
      }
    }
    return spans;
  }

  static int kind(Map<String, Object> span) {
    return ((Number) span.get("kind")).intValue();
  }

  static Map<String, String> attributes(Map<String, Object> span) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Object attribute : list(span.get("attributes"))) {
      Map<?, ?> keyValue = (Map<?, ?>) attribute;
      Map<?, ?> value = (Map<?, ?>) keyValue.get("value");
      Object scalar = value.values().iterator().next();
      attributes.put(String.valueOf(keyValue.get("key")), String.valueOf(scalar));
    }
    return attributes;
  }

  private static List<?> list(Object value) {
    return value instanceof List ? (List<?>) value : List.of();
  }

  private OtlpJsonSpans() {}
}
