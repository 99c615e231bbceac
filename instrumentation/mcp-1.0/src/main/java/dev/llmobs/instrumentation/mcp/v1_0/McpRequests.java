package dev.llmobs.instrumentation.mcp.v1_0;

import io.modelcontextprotocol.spec.McpClientSession;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import java.util.Map;

/**
 * Builds the {@link McpRequest} view of what the SDK sends or handles. The sender has the SDK's
 * typed params (records such as {@code CallToolRequest}); the receiver has them as the JSON map
 * they arrived as. Both are read the same way.
 */
final class McpRequests {

  /** A request {@code session} sends: a CLIENT span. */
  static McpRequest sending(Object session, String method, Object params) {
    McpRequest request =
        new McpRequest(
            McpRequest.Role.CLIENT,
            method,
            toolName(method, params),
            promptName(method, params),
            resourceUri(method, params),
            arguments(method, params),
            null,
            null,
            session);
    describeSession(request, session);
    return request;
  }

  /** A request {@code session} handles (null: the stateless server): a SERVER span. */
  static McpRequest handling(Object session, McpSchema.JSONRPCRequest rpcRequest) {
    Object params = rpcRequest.params();
    String method = rpcRequest.method();
    McpRequest request =
        new McpRequest(
            McpRequest.Role.SERVER,
            method == null ? "" : method,
            toolName(method, params),
            promptName(method, params),
            resourceUri(method, params),
            arguments(method, params),
            McpMeta.read(params),
            rpcRequest,
            session);
    request.requestId = rpcRequest.id() == null ? null : String.valueOf(rpcRequest.id());
    describeSession(request, session);
    return request;
  }

  /** The initialize request a streamable HTTP server starts {@code session} for. */
  static McpRequest initializing(
      McpStreamableServerSession session, McpSchema.InitializeRequest params, Object id) {
    McpRequest request =
        new McpRequest(
            McpRequest.Role.SERVER,
            McpSchema.METHOD_INITIALIZE,
            null,
            null,
            null,
            null,
            params.meta(),
            null,
            session);
    request.requestId = id == null ? null : String.valueOf(id);
    describeSession(request, session);
    return request;
  }

  // Session id, protocol version and network, as far as the session tells them.
  private static void describeSession(McpRequest request, Object session) {
    request.protocolVersion = McpSessions.protocolVersion(McpSessions.outerSession(session));
    if (session == null) {
      // The stateless server: only HTTP transports exist for it.
      request.network = McpNetwork.HTTP;
      return;
    }
    if (!(session instanceof McpClientSession)) {
      request.sessionId = McpSessions.serverSessionId(session);
    }
    Object transport = McpSessions.transportOf(session);
    request.network =
        transport != null
            ? McpSessions.network(transport)
            : McpSessions.outerSession(session) instanceof McpStreamableServerSession
                ? McpNetwork.HTTP
                : null;
    if (request.role == McpRequest.Role.CLIENT && session instanceof McpClientSession) {
      request.sessionIdSource = McpSessions.clientSessionId(transport);
    }
  }

  private static String toolName(String method, Object params) {
    if (!McpSchema.METHOD_TOOLS_CALL.equals(method)) {
      return null;
    }
    if (params instanceof McpSchema.CallToolRequest) {
      return ((McpSchema.CallToolRequest) params).name();
    }
    return string(params, "name");
  }

  private static String promptName(String method, Object params) {
    if (!McpSchema.METHOD_PROMPT_GET.equals(method)) {
      return null;
    }
    if (params instanceof McpSchema.GetPromptRequest) {
      return ((McpSchema.GetPromptRequest) params).name();
    }
    return string(params, "name");
  }

  private static String resourceUri(String method, Object params) {
    if (params instanceof McpSchema.ReadResourceRequest) {
      return ((McpSchema.ReadResourceRequest) params).uri();
    }
    if (params instanceof McpSchema.SubscribeRequest) {
      return ((McpSchema.SubscribeRequest) params).uri();
    }
    if (params instanceof McpSchema.UnsubscribeRequest) {
      return ((McpSchema.UnsubscribeRequest) params).uri();
    }
    boolean hasUri =
        McpSchema.METHOD_RESOURCES_READ.equals(method)
            || McpSchema.METHOD_RESOURCES_SUBSCRIBE.equals(method)
            || McpSchema.METHOD_RESOURCES_UNSUBSCRIBE.equals(method);
    return hasUri ? string(params, "uri") : null;
  }

  private static Object arguments(String method, Object params) {
    if (!McpSchema.METHOD_TOOLS_CALL.equals(method)) {
      return null;
    }
    if (params instanceof McpSchema.CallToolRequest) {
      return ((McpSchema.CallToolRequest) params).arguments();
    }
    return params instanceof Map ? ((Map<?, ?>) params).get("arguments") : null;
  }

  private static String string(Object params, String key) {
    Object value = params instanceof Map ? ((Map<?, ?>) params).get(key) : null;
    return value instanceof String ? (String) value : null;
  }

  private McpRequests() {}
}
