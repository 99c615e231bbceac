package dev.llmobs.instrumentation.mcp.v1_0;

import dev.llmobs.genai.GenAiErrors;
import dev.llmobs.genai.GenAiFailures;
import dev.llmobs.genai.GenAiInstrumenter;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One MCP request in flight, client or server side: its span, current while the SDK sends or
 * handles the request, ends exactly once (with the result, the error, or as cancelled). Nothing
 * here throws into the application.
 */
final class McpCall {

  static final String MODULE = "mcp";

  private static final ContextKey<McpCall> ACTIVE = ContextKey.named("llmobs-mcp-call");

  private final McpRequest request;
  private final Context parentContext;
  private final Context context;
  private final AtomicBoolean ended = new AtomicBoolean();
  private final AtomicBoolean sent = new AtomicBoolean();
  // A response seen on its way out (streamable HTTP server), to end with when the handling ends.
  private volatile McpResponse captured;

  private McpCall(McpRequest request, Context parentContext, Context context) {
    this.request = request;
    this.parentContext = parentContext;
    this.context = context.with(ACTIVE, this);
  }

  /**
   * Starts the span of {@code request} under {@code ambient}, the context current where the SDK
   * sends or handles it. A server span's parent is the context the client put into {@code _meta},
   * with a link to the ambient span (the HTTP server's, say); without one in {@code _meta}, the
   * ambient context is the parent. Null when nothing is traced.
   */
  static McpCall start(McpRequest request, Context ambient) {
    try {
      Context parent = ambient;
      if (request.role == McpRequest.Role.SERVER && !request.meta.isEmpty()) {
        parent =
            GlobalOpenTelemetry.getPropagators()
                .getTextMapPropagator()
                .extract(ambient, request, MetaGetter.INSTANCE);
        SpanContext ambientSpan = Span.fromContext(ambient).getSpanContext();
        if (ambientSpan.isValid()
            && !ambientSpan.equals(Span.fromContext(parent).getSpanContext())) {
          request.ambientSpan = ambientSpan;
        }
      }
      Instrumenter<McpRequest, McpResponse> instrumenter = McpInstrumenters.get(request.role);
      if (!instrumenter.shouldStart(parent, request)) {
        return null;
      }
      return new McpCall(request, ambient, instrumenter.start(parent, request));
    } catch (Throwable t) {
      GenAiFailures.record(MODULE, t);
      return null;
    }
  }

  /** The MCP call whose span is current in {@code context}, if any. */
  static McpCall current(Context context) {
    return context.get(ACTIVE);
  }

  McpRequest request() {
    return request;
  }

  Context context() {
    return context;
  }

  /** Where the caller's callbacks run: the context the request was sent or handled in. */
  Context parentContext() {
    return parentContext;
  }

  /** True the first time only: the request leaves through one transport call. */
  boolean markSent() {
    return sent.compareAndSet(false, true);
  }

  void capture(McpResponse response) {
    captured = response;
  }

  McpResponse captured() {
    return captured;
  }

  /** Ends the span with {@code response} (null: succeeded without a result). */
  void end(McpResponse response) {
    end(response, null);
  }

  /**
   * Ends the span with a value the Mono emitted: the result the peer sent, or the JSON-RPC response
   * a handler produced. An initialize result also gives the session its protocol version.
   */
  void endWithValue(Object value) {
    McpResponse response;
    try {
      String version = McpResponses.protocolVersion(value);
      if (version != null) {
        request.protocolVersion = version;
        McpSessions.protocolVersion(McpSessions.outerSession(request.session), version);
      }
      response = McpResponses.of(value);
    } catch (Throwable t) {
      GenAiFailures.record(MODULE, t);
      response = null;
    }
    end(response);
  }

  void endWithError(Throwable error) {
    McpResponse response;
    try {
      response = McpResponses.fromError(error);
    } catch (Throwable t) {
      GenAiFailures.record(MODULE, t);
      response = null;
    }
    end(response, error);
  }

  private void end(McpResponse response, Throwable error) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    try {
      if (error != null && GenAiInstrumenter.captureContentMaxLength() == 0) {
        // The message may quote the request or the peer's data: recorded without free text.
        Span.fromContext(context).addEvent("exception", GenAiErrors.redactedException(error));
        error = null;
      }
      McpInstrumenters.get(request.role).end(context, request, response, error);
    } catch (Throwable t) {
      GenAiFailures.record(MODULE, t);
    }
  }

  /** Reads trace context from the request's {@code _meta}: only string values count. */
  enum MetaGetter implements TextMapGetter<McpRequest> {
    INSTANCE;

    @Override
    public Iterable<String> keys(McpRequest carrier) {
      return carrier.meta.keySet();
    }

    @Override
    public String get(McpRequest carrier, String key) {
      if (carrier == null) {
        return null;
      }
      Map<String, Object> meta = carrier.meta;
      Object value = meta.get(key);
      return value instanceof String ? (String) value : null;
    }
  }
}
