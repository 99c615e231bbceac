package dev.llmobs.instrumentation.mcp.v1_0;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpMetaTest {

  private static final Map<String, String> TRACE =
      Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

  @Test
  void aRecordGetsACopyWithTheEntriesAddedAndEverythingElseAsItWas() {
    Map<String, Object> appMeta = Map.of("progressToken", 7, "traceparent", "app's own");
    McpSchema.CallToolRequest original =
        new McpSchema.CallToolRequest("get_weather", Map.of("city", "Oslo"), appMeta);

    Object copy =
        McpMeta.withAdded(original, Map.of("traceparent", "ours", "baggage", "tenant=acme"));

    assertThat(copy).isInstanceOf(McpSchema.CallToolRequest.class).isNotSameAs(original);
    McpSchema.CallToolRequest request = (McpSchema.CallToolRequest) copy;
    assertThat(request.name()).isEqualTo("get_weather");
    assertThat(request.arguments()).isEqualTo(Map.of("city", "Oslo"));
    assertThat(request.meta())
        .containsEntry("progressToken", 7)
        .containsEntry("traceparent", "app's own")
        .containsEntry("baggage", "tenant=acme");
    // The application's objects are not touched.
    assertThat(original.meta()).isEqualTo(appMeta);
  }

  @Test
  void aRecordWithoutMetaGetsOne() {
    Object copy = McpMeta.withAdded(new McpSchema.GetPromptRequest("p", Map.of()), TRACE);

    assertThat(McpMeta.read(copy)).isEqualTo(TRACE);
    assertThat(((McpSchema.GetPromptRequest) copy).name()).isEqualTo("p");
  }

  @Test
  void mapsAndMissingParamsCarryMetaToo() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("name", "t");
    params.put("_meta", Map.of("x", "y"));

    Object copy = McpMeta.withAdded(params, TRACE);

    assertThat(McpMeta.read(copy)).containsEntry("x", "y").containsAllEntriesOf(TRACE);
    assertThat(params.get("_meta")).isEqualTo(Map.of("x", "y"));
    assertThat(McpMeta.read(McpMeta.withAdded(null, TRACE))).isEqualTo(TRACE);
  }

  @Test
  void otherParamsCannotCarryIt() {
    assertThat(McpMeta.withAdded("a string", TRACE)).isNull();
    assertThat(McpMeta.withAdded(new McpSchema.Implementation("n", "1"), TRACE)).isNull();
    assertThat(McpMeta.read("a string")).isNull();
  }
}
