package dev.llmobs.instrumentation.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** mcp.client.operation.duration and mcp.server.operation.duration of real calls. */
class McpMetricsTest extends McpHttpTest {

  static final String SCOPE = "dev.llmobs.genai";

  @Test
  void durationsByMethodToolAndErrorTypeOnBothSides() {
    client.callTool(new McpSchema.CallToolRequest("get_weather", McpTestServer.city("Oslo")));
    client.callTool(new McpSchema.CallToolRequest("refuse", Map.of()));

    for (String name : List.of("mcp.client.operation.duration", "mcp.server.operation.duration")) {
      testing.waitAndAssertMetrics(
          SCOPE,
          name,
          metrics ->
              metrics.anySatisfy(
                  metric -> {
                    assertThat(metric.getUnit()).isEqualTo("s");
                    HistogramPointData ok = point(metric, "get_weather");
                    assertThat(ok.getCount()).isEqualTo(1);
                    assertThat(ok.getSum()).isGreaterThan(0.0).isLessThan(30.0);
                    assertThat(ok.getBoundaries())
                        .containsExactly(
                            0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 120.0,
                            300.0);
                    Attributes labels = ok.getAttributes();
                    assertThat(labels.get(McpKeys.METHOD)).isEqualTo("tools/call");
                    assertThat(labels.get(McpKeys.OPERATION)).isEqualTo("execute_tool");
                    assertThat(labels.get(McpKeys.TRANSPORT)).isEqualTo("tcp");
                    assertThat(labels.get(McpKeys.PROTOCOL_NAME)).isEqualTo("http");
                    assertThat(labels.get(McpKeys.PROTOCOL_VERSION)).isNotBlank();
                    assertThat(labels.get(McpKeys.ERROR_TYPE)).isNull();
                    // Never an id or a URI.
                    for (AttributeKey<?> key : labels.asMap().keySet()) {
                      assertThat(key.getKey())
                          .isNotIn(
                              "jsonrpc.request.id",
                              "mcp.session.id",
                              "mcp.resource.uri",
                              "gen_ai.tool.call.arguments");
                    }
                    assertThat(point(metric, "refuse").getAttributes().get(McpKeys.ERROR_TYPE))
                        .isEqualTo("tool_error");
                  }));
    }
  }

  private static HistogramPointData point(MetricData metric, String tool) {
    List<HistogramPointData> points =
        metric.getHistogramData().getPoints().stream()
            .filter(p -> tool.equals(p.getAttributes().get(McpKeys.TOOL_NAME)))
            .collect(Collectors.toList());
    assertThat(points).hasSize(1);
    return points.get(0);
  }
}
