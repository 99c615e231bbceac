package dev.llmobs.instrumentation.mcp.v1_0;

import dev.llmobs.genai.GenAiFailures;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.context.Context;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import reactor.core.publisher.Mono;

/**
 * What the advice calls: each method takes the SDK's objects as {@code Object} (the advice is
 * compiled for Java 8 without the SDK's types), returns what the SDK returns or a traced
 * equivalent, and never throws.
 */
public final class McpCalls {

  private static final String TRACEPARENT = "traceparent";
  private static final String TRACESTATE = "tracestate";

  // Streamable HTTP server transport -> the handled request whose response leaves through it.
  private static final Map<Object, McpCall> RESPONSE_TRANSPORTS =
      Collections.synchronizedMap(new WeakHashMap<Object, McpCall>());

  // The id of the initialize request being deserialized on this thread, for the streamable
  // server's session factory, which gets the request's params but not its id.
  private static final ThreadLocal<Object> INITIALIZE_ID = new ThreadLocal<>();

  /** A session sends a request (a client to its server, or a server to its client). */
  public static Object sendRequest(Object session, String method, Object params, Object mono) {
    if (!(mono instanceof Mono) || method == null) {
      return mono;
    }
    try {
      return new McpTracingMono<>(
          (Mono<?>) mono, McpRequests.sending(session, method, params), null);
    } catch (Throwable t) {
      GenAiFailures.record(McpCall.MODULE, t);
      return mono;
    }
  }

  /**
   * A session (or the stateless server, session null) handles a request; the Mono emits the
   * JSON-RPC response.
   */
  public static Object handleRequest(Object session, Object rpcRequest, Object mono) {
    return handled(session, rpcRequest, mono, null);
  }

  /**
   * A streamable HTTP server session handles a request whose response leaves through {@code
   * transport}; the Mono completes when it has left.
   */
  public static Object handleStreamedRequest(
      Object session, Object rpcRequest, Object transport, Object mono) {
    return handled(session, rpcRequest, mono, transport);
  }

  /** The same, from a response stream of a streamable HTTP server session (SDK 2.1+). */
  public static Object handleOnStream(Object stream, Object rpcRequest, Object mono) {
    return handled(stream, rpcRequest, mono, McpSessions.transportOf(stream));
  }

  private static Object handled(Object session, Object rpcRequest, Object mono, Object transport) {
    if (!(mono instanceof Mono) || !(rpcRequest instanceof McpSchema.JSONRPCRequest)) {
      return mono;
    }
    try {
      return new McpTracingMono<>(
          (Mono<?>) mono,
          McpRequests.handling(session, (McpSchema.JSONRPCRequest) rpcRequest),
          transport);
    } catch (Throwable t) {
      GenAiFailures.record(McpCall.MODULE, t);
      return mono;
    }
  }

  /**
   * A streamable HTTP server starts a session for an initialize request: its SERVER span covers
   * producing the initialize result.
   */
  public static Object sessionStarted(Object initializeRequest, Object sessionInit) {
    Object id = INITIALIZE_ID.get();
    INITIALIZE_ID.remove();
    if (!(sessionInit instanceof McpStreamableServerSession.McpStreamableServerSessionInit)
        || !(initializeRequest instanceof McpSchema.InitializeRequest)) {
      return sessionInit;
    }
    try {
      McpStreamableServerSession.McpStreamableServerSessionInit init =
          (McpStreamableServerSession.McpStreamableServerSessionInit) sessionInit;
      if (init.initResult() == null) {
        return sessionInit;
      }
      McpRequest request =
          McpRequests.initializing(
              init.session(), (McpSchema.InitializeRequest) initializeRequest, id);
      return new McpStreamableServerSession.McpStreamableServerSessionInit(
          init.session(), new McpTracingMono<>(init.initResult(), request, null));
    } catch (Throwable t) {
      GenAiFailures.record(McpCall.MODULE, t);
      return sessionInit;
    }
  }

  /** A message was read off the wire: remembers an initialize request's id on this thread. */
  public static void deserialized(Object message) {
    try {
      if (message instanceof McpSchema.JSONRPCRequest
          && McpSchema.METHOD_INITIALIZE.equals(((McpSchema.JSONRPCRequest) message).method())) {
        INITIALIZE_ID.set(((McpSchema.JSONRPCRequest) message).id());
      }
    } catch (Throwable t) {
      GenAiFailures.record(McpCall.MODULE, t);
    }
  }

  /**
   * A transport sends a message. A request of the call current here gets its id and network
   * recorded and the call's trace context added to its {@code _meta} (keys the application set stay
   * as they are): the message returned is then a copy. A response of a request handled on a
   * streamable HTTP server is captured for its span. Anything else goes out as it came.
   */
  public static Object send(Object transport, Object message) {
    try {
      if (message instanceof McpSchema.JSONRPCRequest) {
        return sendingRequest(transport, (McpSchema.JSONRPCRequest) message);
      }
      if (message instanceof McpSchema.JSONRPCResponse) {
        McpCall call = RESPONSE_TRANSPORTS.get(transport);
        if (call != null) {
          call.capture(McpResponses.of(message));
        }
      }
    } catch (Throwable t) {
      GenAiFailures.record(McpCall.MODULE, t);
    }
    return message;
  }

  private static Object sendingRequest(Object transport, McpSchema.JSONRPCRequest message) {
    McpCall call = McpCall.current(Context.current());
    if (call == null
        || call.request().role != McpRequest.Role.CLIENT
        || !call.request().method.equals(message.method())) {
      return message;
    }
    McpRequest request = call.request();
    if (request.network == null) {
      request.network = McpSessions.network(transport);
    }
    if (request.sessionId == null && request.sessionIdSource == null) {
      request.sessionIdSource = McpSessions.clientSessionId(transport);
    }
    if (!call.markSent()) {
      return message;
    }
    if (message.id() != null) {
      request.requestId = String.valueOf(message.id());
    }
    Map<String, String> added = traceContext(call.context(), McpMeta.read(message.params()));
    if (added.isEmpty()) {
      return message;
    }
    Object params = McpMeta.withAdded(message.params(), added);
    return params == null
        ? message
        : new McpSchema.JSONRPCRequest(message.jsonrpc(), message.method(), message.id(), params);
  }

  // The configured propagators' fields for the call's context, less those the application put
  // into _meta itself (its traceparent also keeps our tracestate out).
  private static Map<String, String> traceContext(Context context, Map<String, Object> appMeta) {
    Map<String, String> fields = new LinkedHashMap<>();
    GlobalOpenTelemetry.getPropagators()
        .getTextMapPropagator()
        .inject(context, fields, (carrier, key, value) -> carrier.put(key, value));
    if (appMeta != null) {
      fields.keySet().removeAll(appMeta.keySet());
      if (appMeta.containsKey(TRACEPARENT)) {
        fields.remove(TRACESTATE);
      }
    }
    return fields;
  }

  static void expectResponse(Object transport, McpCall call) {
    RESPONSE_TRANSPORTS.put(transport, call);
  }

  static void responseSent(Object transport, McpCall call) {
    synchronized (RESPONSE_TRANSPORTS) {
      if (RESPONSE_TRANSPORTS.get(transport) == call) {
        RESPONSE_TRANSPORTS.remove(transport);
      }
    }
  }

  private McpCalls() {}
}
