package dev.llmobs.instrumentation.mcp;

import static dev.llmobs.instrumentation.mcp.McpKeys.ARGUMENTS;
import static dev.llmobs.instrumentation.mcp.McpKeys.ERROR_TYPE;
import static dev.llmobs.instrumentation.mcp.McpKeys.RESULT;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs with content capture on, at most 400 characters (see agent-tests-parent). */
class McpContentCaptureTest extends McpHttpTest {

  @Test
  void argumentsAndResultAreOnBothSpans() {
    client.callTool(new McpSchema.CallToolRequest("get_weather", McpTestServer.city("Oslo")));

    for (SpanKind kind : List.of(SpanKind.CLIENT, SpanKind.SERVER)) {
      SpanData span = McpSpans.one(testing, "tools/call get_weather", kind);
      assertThat(span.getAttributes().get(ARGUMENTS)).isEqualTo("{\"city\":\"Oslo\"}");
      assertThat(span.getAttributes().get(RESULT)).contains("Sunny in Oslo");
    }
  }

  @Test
  void longArgumentsAndResultsAreTruncated() {
    String city = "x".repeat(1000);
    client.callTool(new McpSchema.CallToolRequest("get_weather", McpTestServer.city(city)));

    for (SpanKind kind : List.of(SpanKind.CLIENT, SpanKind.SERVER)) {
      SpanData span = McpSpans.one(testing, "tools/call get_weather", kind);
      for (String value :
          List.of(span.getAttributes().get(ARGUMENTS), span.getAttributes().get(RESULT))) {
        assertThat(value).hasSize(400).endsWith("...[truncated]");
      }
      assertThat(span.getAttributes().get(ARGUMENTS)).startsWith("{\"city\":\"xxx");
    }
  }

  @Test
  void aFailedToolHasNoResultButThePeersMessage() {
    McpSchema.CallToolResult refused =
        client.callTool(new McpSchema.CallToolRequest("refuse", Map.of("why", "because")));
    assertThat(refused.isError()).isTrue();
    boolean rpcError = fixture.callFailingTool().startsWith("-");

    for (SpanKind kind : List.of(SpanKind.CLIENT, SpanKind.SERVER)) {
      SpanData refuse = McpSpans.one(testing, "tools/call refuse", kind);
      assertThat(refuse.getAttributes().get(ERROR_TYPE)).isEqualTo("tool_error");
      assertThat(refuse.getAttributes().get(ARGUMENTS)).isEqualTo("{\"why\":\"because\"}");
      assertThat(refuse.getAttributes().get(RESULT)).isNull();

      SpanData explode = McpSpans.one(testing, "tools/call explode", kind);
      assertThat(explode.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
      if (rpcError) {
        // A JSON-RPC error's message becomes the status description, under content capture only.
        assertThat(explode.getStatus().getDescription()).isNotEmpty();
      }
    }
  }
}
