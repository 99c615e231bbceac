package dev.llmobs.genai;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One running GenAI call: what advice keeps between method enter and exit. Nothing here throws
 * into the application: a failure of our own is logged once and the call goes on untraced.
 */
public final class GenAiCall {

  private static final Logger logger = Logger.getLogger(GenAiCall.class.getName());
  private static final AtomicBoolean failureLogged = new AtomicBoolean();

  // Marks a context that already has a GenAI span of ours, so nested SDK layers add no second one.
  private static final ContextKey<GenAiRequest> ACTIVE = ContextKey.named("llmobs-genai-call");

  private final Context context;
  private final GenAiRequest request;
  private Scope scope;
  private final AtomicBoolean ended = new AtomicBoolean();

  private GenAiCall(Context context, GenAiRequest request) {
    this.context = context;
    this.request = request;
  }

  /**
   * Starts the span and makes it current on this thread, or returns null when there is nothing to
   * trace (no request, instrumentation suppressed, or already inside a GenAI call of ours).
   */
  public static GenAiCall start(GenAiRequest request) {
    try {
      if (request == null) {
        return null;
      }
      Context parent = Context.current();
      Instrumenter<GenAiRequest, GenAiResponse> instrumenter = GenAiInstrumenter.get();
      if (parent.get(ACTIVE) != null || !instrumenter.shouldStart(parent, request)) {
        return null;
      }
      Context context = instrumenter.start(parent, request).with(ACTIVE, request);
      GenAiCall call = new GenAiCall(context, request);
      call.scope = context.makeCurrent();
      return call;
    } catch (Throwable t) {
      logFailure(t);
      return null;
    }
  }

  public Context context() {
    return context;
  }

  public GenAiRequest request() {
    return request;
  }

  /** Leaves the call's scope on this thread; the span stays open until {@link #end}. */
  public void closeScope() {
    Scope current = scope;
    scope = null;
    if (current != null) {
      try {
        current.close();
      } catch (Throwable t) {
        logFailure(t);
      }
    }
  }

  /** Ends the span once; later calls do nothing. */
  public void end(GenAiResponse response, Throwable error) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    try {
      GenAiInstrumenter.get().end(context, request, response, error);
    } catch (Throwable t) {
      logFailure(t);
    }
  }

  /** Closes the scope and ends the span: the usual exit of a synchronous call. */
  public void exit(GenAiResponse response, Throwable error) {
    closeScope();
    end(response, error);
  }

  /** Logs an instrumentation failure of ours, once per class loader, and never rethrows. */
  public static void logFailure(Throwable t) {
    if (failureLogged.compareAndSet(false, true)) {
      logger.log(
          Level.WARNING,
          "llmobs: GenAI instrumentation failed; the application call goes on untraced"
              + " (further failures are not logged)",
          t);
    }
  }
}
