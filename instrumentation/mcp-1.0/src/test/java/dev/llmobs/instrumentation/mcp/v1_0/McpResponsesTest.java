package dev.llmobs.instrumentation.mcp.v1_0;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class McpResponsesTest {

  @Test
  void aJsonRpcErrorIsItsCode() {
    McpSchema.JSONRPCResponse response =
        new McpSchema.JSONRPCResponse(
            "2.0",
            "1",
            null,
            new McpSchema.JSONRPCResponse.JSONRPCError(-32602, "Unknown tool", null));

    McpResponse mapped = McpResponses.of(response);

    assertThat(mapped.errorType).isEqualTo("-32602");
    assertThat(mapped.statusCode).isEqualTo("-32602");
    assertThat(mapped.errorMessage).isEqualTo("Unknown tool");
  }

  @Test
  void aToolResultWithIsErrorIsAToolError() {
    McpSchema.CallToolResult result =
        new McpSchema.CallToolResult(List.of(new McpSchema.TextContent("no")), true, null, null);

    assertThat(McpResponses.of(result).errorType).isEqualTo("tool_error");
    assertThat(McpResponses.of(new McpSchema.JSONRPCResponse("2.0", 3, result, null)).errorType)
        .isEqualTo("tool_error");
    assertThat(
            McpResponses.of(new McpSchema.CallToolResult(List.of(), false, null, null)).errorType)
        .isNull();
  }

  @Test
  void failuresAreTheirJsonRpcCodeOrAreClassified() {
    McpError mcpError =
        new McpError(new McpSchema.JSONRPCResponse.JSONRPCError(-32603, "boom", null));

    assertThat(McpResponses.fromError(new CompletionException(mcpError)).errorType)
        .isEqualTo("-32603");
    assertThat(McpResponses.fromError(new TimeoutException()).errorType).isEqualTo("timeout");
    assertThat(McpResponses.fromError(new IllegalStateException("x")).errorType)
        .isEqualTo("java.lang.IllegalStateException");
  }

  @Test
  void anInitializeResultGivesTheProtocolVersion() {
    McpSchema.InitializeResult result =
        new McpSchema.InitializeResult(
            "2025-06-18",
            McpSchema.ServerCapabilities.builder().build(),
            new McpSchema.Implementation("s", "1"),
            null);

    assertThat(McpResponses.protocolVersion(result)).isEqualTo("2025-06-18");
    assertThat(McpResponses.protocolVersion(new McpSchema.JSONRPCResponse("2.0", 1, result, null)))
        .isEqualTo("2025-06-18");
    assertThat(McpResponses.protocolVersion("x")).isNull();
  }
}
