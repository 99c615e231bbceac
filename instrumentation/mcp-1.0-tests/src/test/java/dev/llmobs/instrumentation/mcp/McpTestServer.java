package dev.llmobs.instrumentation.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.GlobalOpenTelemetry;
import java.util.List;
import java.util.Map;

/**
 * The MCP server of the tests, the same over every transport: tools that answer, fail, refuse (a
 * result with isError) and take their time, a prompt and a resource.
 */
final class McpTestServer {

  static final String SECRET = "secret-tool-detail";

  static McpServer.SyncSpecification<?> configure(McpServer.SyncSpecification<?> spec) {
    return spec.serverInfo("llmobs-test-server", "1.0")
        .capabilities(
            McpSchema.ServerCapabilities.builder()
                .tools(true)
                .prompts(true)
                .resources(false, false)
                .build())
        .tools(
            tool(
                "get_weather",
                (exchange, request) -> {
                  // Work of the tool's own: in the stdio child it shows where the span context is.
                  GlobalOpenTelemetry.getTracer("test").spanBuilder("tool-work").startSpan().end();
                  return McpSchema.CallToolResult.builder()
                      .addTextContent("Sunny in " + request.arguments().get("city"))
                      .isError(false)
                      .build();
                }),
            tool(
                "explode",
                (exchange, request) -> {
                  throw new IllegalStateException("tool failed: " + SECRET);
                }),
            tool(
                "refuse",
                (exchange, request) ->
                    McpSchema.CallToolResult.builder()
                        .addTextContent("refused: " + SECRET)
                        .isError(true)
                        .build()),
            tool(
                "slow",
                (exchange, request) -> {
                  try {
                    Thread.sleep(1500);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return McpSchema.CallToolResult.builder().addTextContent("late").build();
                }))
        .prompts(
            new McpServerFeatures.SyncPromptSpecification(
                new McpSchema.Prompt("greet", "Greets", List.of()),
                (exchange, request) ->
                    new McpSchema.GetPromptResult(
                        "greeting",
                        List.of(
                            new McpSchema.PromptMessage(
                                McpSchema.Role.USER, new McpSchema.TextContent("Hello"))))))
        .resources(
            new McpServerFeatures.SyncResourceSpecification(
                McpSchema.Resource.builder().uri("memo://one").name("memo").build(),
                (exchange, request) ->
                    new McpSchema.ReadResourceResult(
                        List.of(
                            new McpSchema.TextResourceContents(
                                request.uri(), "text/plain", "memo text")))));
  }

  private static McpServerFeatures.SyncToolSpecification tool(
      String name,
      java.util.function.BiFunction<
              io.modelcontextprotocol.server.McpSyncServerExchange,
              McpSchema.CallToolRequest,
              McpSchema.CallToolResult>
          handler) {
    return McpServerFeatures.SyncToolSpecification.builder()
        .tool(
            McpSchema.Tool.builder()
                .name(name)
                .description("test tool " + name)
                .inputSchema(
                    McpJsonDefaults.getMapper(),
                    "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}")
                .build())
        .callHandler(handler)
        .build();
  }

  static Map<String, Object> city(String city) {
    return Map.of("city", city);
  }

  private McpTestServer() {}
}
