package dev.llmobs.instrumentation.mcp.v1_0;

import dev.llmobs.genai.GenAiErrors;
import dev.llmobs.genai.GenAiSemconv;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * How a request ended, in the semantic conventions' terms: a JSON-RPC error gives its code as
 * {@code error.type} and {@code rpc.response.status_code}; a tool result with {@code isError} is
 * {@code tool_error}; any other failure is classified like a GenAI call's ({@code timeout}, {@code
 * cancelled}, or the exception's class name).
 */
final class McpResponses {

  static final McpResponse SUCCESS = new McpResponse(null, null, null, null);

  /** A result the peer sent (or the handler produced), or a JSON-RPC response holding one. */
  static McpResponse of(Object value) {
    if (value instanceof McpSchema.JSONRPCResponse) {
      McpSchema.JSONRPCResponse response = (McpSchema.JSONRPCResponse) value;
      if (response.error() != null) {
        return fromRpcError(response.error());
      }
      value = response.result();
    }
    if (value instanceof McpSchema.CallToolResult
        && Boolean.TRUE.equals(((McpSchema.CallToolResult) value).isError())) {
      return new McpResponse(GenAiSemconv.ERROR_TOOL_ERROR, null, null, value);
    }
    return value == null ? SUCCESS : new McpResponse(null, null, null, value);
  }

  static McpResponse fromError(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof McpError && ((McpError) t).getJsonRpcError() != null) {
        return fromRpcError(((McpError) t).getJsonRpcError());
      }
    }
    return new McpResponse(GenAiErrors.classify(cause), null, null, null);
  }

  static McpResponse cancelled() {
    return new McpResponse(GenAiSemconv.ERROR_CANCELLED, null, null, null);
  }

  private static McpResponse fromRpcError(McpSchema.JSONRPCResponse.JSONRPCError error) {
    String code = error.code() == null ? null : error.code().toString();
    return new McpResponse(
        code == null ? GenAiSemconv.ERROR_OTHER : code, code, error.message(), null);
  }

  /** The protocol version an initialize result carries, or null. */
  static String protocolVersion(Object value) {
    if (value instanceof McpSchema.JSONRPCResponse) {
      value = ((McpSchema.JSONRPCResponse) value).result();
    }
    return value instanceof McpSchema.InitializeResult
        ? ((McpSchema.InitializeResult) value).protocolVersion()
        : null;
  }

  private McpResponses() {}
}
