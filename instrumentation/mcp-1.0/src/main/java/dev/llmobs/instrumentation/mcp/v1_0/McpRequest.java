package dev.llmobs.instrumentation.mcp.v1_0;

import io.opentelemetry.api.trace.SpanContext;
import java.util.Collections;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One MCP request as the span sees it, on either side: what is known when it starts (method, tool,
 * prompt, resource, the {@code _meta} a server extracts its parent from) and what the transport and
 * the session add while it runs (request id, session id, protocol version, network).
 */
final class McpRequest {

  enum Role {
    /** This process sends the request: a CLIENT span. */
    CLIENT,
    /** This process handles the request: a SERVER span. */
    SERVER
  }

  final Role role;
  final String method;
  final String toolName;
  final String promptName;
  final String resourceUri;
  // The tool call's arguments, for content capture only.
  final Object arguments;
  // The receiver's _meta, where the sender's trace context is.
  final Map<String, Object> meta;
  // The JSON-RPC request being handled (server side): one span per request object.
  final Object rpcRequest;
  // The session the request belongs to: protocol version and, on the server, its id.
  final Object session;

  volatile String requestId;
  volatile String sessionId;
  volatile Supplier<String> sessionIdSource;
  volatile String protocolVersion;
  volatile McpNetwork network;
  volatile SpanContext ambientSpan;

  McpRequest(
      Role role,
      String method,
      String toolName,
      String promptName,
      String resourceUri,
      Object arguments,
      Map<String, Object> meta,
      Object rpcRequest,
      Object session) {
    this.role = role;
    this.method = method;
    this.toolName = toolName;
    this.promptName = promptName;
    this.resourceUri = resourceUri;
    this.arguments = arguments;
    this.meta = meta == null ? Collections.<String, Object>emptyMap() : meta;
    this.rpcRequest = rpcRequest;
    this.session = session;
  }

  /** The low-cardinality target of the span name: the tool or the prompt. */
  String target() {
    return toolName != null ? toolName : promptName;
  }

  /** The session id, read late: an HTTP client learns it from the initialize response. */
  String sessionId() {
    String id = sessionId;
    Supplier<String> source = sessionIdSource;
    if (id == null && source != null) {
      try {
        id = source.get();
      } catch (RuntimeException e) {
        id = null;
      }
    }
    return id;
  }
}
