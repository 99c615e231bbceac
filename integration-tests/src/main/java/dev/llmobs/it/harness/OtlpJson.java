package dev.llmobs.it.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the OTLP/JSON an OpenTelemetry Collector's file exporter writes (one {@code
 * ExportTraceServiceRequest} a line, ids in hex as OTLP/JSON has them) into {@link ReceivedSpan}s,
 * so the same assertions run on what a real collector received as on the in-test receiver's.
 */
public final class OtlpJson {

  private static final ObjectMapper json = new ObjectMapper();

  private OtlpJson() {}

  public static List<ReceivedSpan> spans(String jsonLines) throws IOException {
    List<ReceivedSpan> spans = new ArrayList<>();
    for (String line : jsonLines.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      for (JsonNode resourceSpans : json.readTree(line).path("resourceSpans")) {
        Resource resource =
            Resource.newBuilder()
                .addAllAttributes(attributes(resourceSpans.path("resource").path("attributes")))
                .build();
        for (JsonNode scopeSpans : resourceSpans.path("scopeSpans")) {
          String scope = scopeSpans.path("scope").path("name").asText();
          for (JsonNode span : scopeSpans.path("spans")) {
            spans.add(new ReceivedSpan(resource, scope, span(span)));
          }
        }
      }
    }
    return spans;
  }

  static Span span(JsonNode span) {
    return Span.newBuilder()
        .setTraceId(id(span.path("traceId")))
        .setSpanId(id(span.path("spanId")))
        .setParentSpanId(id(span.path("parentSpanId")))
        .setName(span.path("name").asText())
        .setKindValue(span.path("kind").asInt())
        .setStartTimeUnixNano(span.path("startTimeUnixNano").asLong())
        .setEndTimeUnixNano(span.path("endTimeUnixNano").asLong())
        .addAllAttributes(attributes(span.path("attributes")))
        .setStatus(Status.newBuilder().setCodeValue(span.path("status").path("code").asInt()))
        .build();
  }

  private static ByteString id(JsonNode hex) {
    return hex.isMissingNode() || hex.asText().isEmpty()
        ? ByteString.EMPTY
        : ByteString.copyFrom(HexFormat.of().parseHex(hex.asText()));
  }

  private static List<KeyValue> attributes(JsonNode attributes) {
    List<KeyValue> result = new ArrayList<>();
    for (JsonNode attribute : attributes) {
      result.add(
          KeyValue.newBuilder()
              .setKey(attribute.path("key").asText())
              .setValue(value(attribute.path("value")))
              .build());
    }
    return result;
  }

  // OTLP/JSON: int64 values are strings, enums numbers, bytes base64.
  private static AnyValue value(JsonNode value) {
    AnyValue.Builder result = AnyValue.newBuilder();
    if (value.has("stringValue")) {
      result.setStringValue(value.get("stringValue").asText());
    } else if (value.has("intValue")) {
      result.setIntValue(value.get("intValue").asLong());
    } else if (value.has("doubleValue")) {
      result.setDoubleValue(value.get("doubleValue").asDouble());
    } else if (value.has("boolValue")) {
      result.setBoolValue(value.get("boolValue").asBoolean());
    } else if (value.has("arrayValue")) {
      ArrayValue.Builder array = ArrayValue.newBuilder();
      for (JsonNode element : value.get("arrayValue").path("values")) {
        array.addValues(value(element));
      }
      result.setArrayValue(array);
    }
    return result.build();
  }
}
