package dev.llmobs.instrumentation.mcp.v1_0;

/** How an MCP request ended: its error (a JSON-RPC error or a tool error), or its result. */
final class McpResponse {

  final String errorType;
  // The JSON-RPC error code, when the peer answered with one.
  final String statusCode;
  // The JSON-RPC error message: free text of the peer, recorded only with content capture on.
  final String errorMessage;
  // The result (a CallToolResult for a tool call), for content capture only.
  final Object result;

  McpResponse(String errorType, String statusCode, String errorMessage, Object result) {
    this.errorType = errorType;
    this.statusCode = statusCode;
    this.errorMessage = errorMessage;
    this.result = result;
  }
}
