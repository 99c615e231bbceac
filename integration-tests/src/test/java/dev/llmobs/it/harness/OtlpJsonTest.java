package dev.llmobs.it.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtlpJsonTest {

  // One line as the collector's file exporter writes it (OTLP/JSON: hex ids, int64 as strings).
  static final String LINE =
      "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
          + "\"value\":{\"stringValue\":\"gateway-sample\"}}]},\"scopeSpans\":[{\"scope\":"
          + "{\"name\":\"dev.llmobs.genai\",\"version\":\"0.1.0\"},\"spans\":[{\"traceId\":"
          + "\"5b8efff798038103d269b633813fc60c\",\"spanId\":\"eee19b7ec3c1b174\",\"parentSpanId\":"
          + "\"eee19b7ec3c1b173\",\"flags\":769,\"name\":\"chat gpt-4o-mini\",\"kind\":3,"
          + "\"startTimeUnixNano\":\"1544712660000000000\",\"endTimeUnixNano\":"
          + "\"1544712661000000000\",\"attributes\":[{\"key\":\"gen_ai.usage.input_tokens\","
          + "\"value\":{\"intValue\":\"12\"}},{\"key\":\"gen_ai.request.temperature\",\"value\":"
          + "{\"doubleValue\":0.5}},{\"key\":\"gen_ai.response.finish_reasons\",\"value\":"
          + "{\"arrayValue\":{\"values\":[{\"stringValue\":\"stop\"}]}}},{\"key\":"
          + "\"gen_ai.request.stream\",\"value\":{\"boolValue\":false}}],\"status\":{}}]}]}]}";

  @Test
  void readsTheCollectorsFileExporterOutput() throws Exception {
    List<ReceivedSpan> spans = OtlpJson.spans(LINE + "\n\n" + LINE + "\n");
    assertThat(spans).hasSize(2);
    ReceivedSpan span = spans.get(0);
    assertThat(span.traceId()).isEqualTo("5b8efff798038103d269b633813fc60c");
    assertThat(span.spanId()).isEqualTo("eee19b7ec3c1b174");
    assertThat(span.parentSpanId()).isEqualTo("eee19b7ec3c1b173");
    assertThat(span.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
    assertThat(span.scopeName()).isEqualTo("dev.llmobs.genai");
    assertThat(span.durationMillis()).isEqualTo(1000.0);
    assertThat(span.attributes())
        .containsEntry("gen_ai.usage.input_tokens", 12L)
        .containsEntry("gen_ai.request.temperature", 0.5)
        .containsEntry("gen_ai.response.finish_reasons", List.of("stop"))
        .containsEntry("gen_ai.request.stream", false);
    assertThat(span.resourceAttributes()).containsEntry("service.name", "gateway-sample");
  }
}
