package dev.llmobs.instrumentation.mcp.v1_0;

import dev.llmobs.genai.GenAiStrings;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Tool call arguments and results as JSON, for content capture only: written by the SDK's own JSON
 * mapper (the one the application's transports use), truncated to the capture's maximum.
 */
final class McpContent {

  /** {@code value} as JSON, at most {@code maxLength} characters; null if it cannot be written. */
  static String json(Object value, int maxLength) {
    try {
      return GenAiStrings.cap(McpJsonDefaults.getMapper().writeValueAsString(value), maxLength);
    } catch (Throwable t) {
      return null;
    }
  }

  /**
   * What a tool returned: its structured content when it has one, else its content blocks; null for
   * results of other methods.
   */
  static String toolResultJson(Object result, int maxLength) {
    if (!(result instanceof McpSchema.CallToolResult)) {
      return null;
    }
    McpSchema.CallToolResult toolResult = (McpSchema.CallToolResult) result;
    Object content =
        toolResult.structuredContent() != null
            ? toolResult.structuredContent()
            : toolResult.content();
    return content == null ? null : json(content, maxLength);
  }

  private McpContent() {}
}
