package dev.llmobs.cost.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value: object, array, string, number (always {@link BigDecimal}, never a double),
 * boolean or null. A tree of these is all the price loader needs, so the extension jar carries only
 * jackson-core's streaming parser instead of jackson-databind.
 */
final class JsonValue implements Iterable<JsonValue> {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonValue MISSING = new JsonValue(null, "missing");
  private static final JsonValue NULL = new JsonValue(null, "null");

  private final Object value;
  private final String type;

  private JsonValue(Object value, String type) {
    this.value = value;
    this.type = type;
  }

  /** One JSON document; trailing content after it is an error. */
  static JsonValue parse(InputStream in) throws IOException {
    try (JsonParser parser = FACTORY.createParser(in)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return MISSING;
      }
      JsonValue root = read(parser, first);
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        throw new IOException("unexpected content after the JSON value: " + trailing);
      }
      return root;
    }
  }

  private static JsonValue read(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String name = parser.currentName();
          fields.put(name, read(parser, parser.nextToken()));
        }
        return new JsonValue(fields, "object");
      case START_ARRAY:
        List<JsonValue> elements = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          elements.add(read(parser, t));
        }
        return new JsonValue(elements, "array");
      case VALUE_STRING:
        return new JsonValue(parser.getText(), "string");
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new JsonValue(parser.getDecimalValue(), "number");
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new JsonValue(token == JsonToken.VALUE_TRUE, "boolean");
      case VALUE_NULL:
        return NULL;
      default:
        throw new IOException("unexpected JSON token " + token);
    }
  }

  boolean isMissing() {
    return this == MISSING;
  }

  boolean isNull() {
    return this == NULL || this == MISSING;
  }

  boolean isObject() {
    return "object".equals(type);
  }

  boolean isArray() {
    return "array".equals(type);
  }

  boolean isTextual() {
    return "string".equals(type);
  }

  boolean isNumber() {
    return "number".equals(type);
  }

  /** The JSON type, for messages: object, array, string, number, boolean, null, missing. */
  String type() {
    return type;
  }

  /** A field of an object; a "missing" value (never null) otherwise. */
  JsonValue get(String field) {
    if (!isObject()) {
      return MISSING;
    }
    JsonValue found = objectFields().get(field);
    return found == null ? MISSING : found;
  }

  boolean has(String field) {
    return isObject() && objectFields().containsKey(field);
  }

  /** The fields of an object in document order; empty for anything else. */
  @SuppressWarnings("unchecked")
  Map<String, JsonValue> objectFields() {
    return isObject()
        ? Collections.unmodifiableMap((Map<String, JsonValue>) value)
        : Collections.<String, JsonValue>emptyMap();
  }

  /** The elements of an array; empty for anything else. */
  @SuppressWarnings("unchecked")
  List<JsonValue> elements() {
    return isArray()
        ? Collections.unmodifiableList((List<JsonValue>) value)
        : Collections.<JsonValue>emptyList();
  }

  @Override
  public Iterator<JsonValue> iterator() {
    return elements().iterator();
  }

  int size() {
    return isObject() ? objectFields().size() : elements().size();
  }

  /** The string of a string value, null otherwise. */
  String text() {
    return isTextual() ? (String) value : null;
  }

  /** The number of a number value, null otherwise. */
  BigDecimal decimal() {
    return isNumber() ? (BigDecimal) value : null;
  }

  @Override
  public String toString() {
    if (isTextual()) {
      return '"' + (String) value + '"';
    }
    return value == null ? type : value.toString();
  }
}
