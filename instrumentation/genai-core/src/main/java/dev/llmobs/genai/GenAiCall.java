package dev.llmobs.genai;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One running GenAI call: what advice keeps between method enter and exit, and what a stream or
 * future ends later. The span ends exactly once. Nothing here throws into the application: a
 * failure of our own is logged once and the call goes on untraced.
 */
public final class GenAiCall {

  private static final Logger logger = Logger.getLogger(GenAiCall.class.getName());
  private static final AtomicBoolean failureLogged = new AtomicBoolean();

  // Marks a context that already has a GenAI span of ours, so nested SDK layers add no second one.
  private static final ContextKey<GenAiRequest> ACTIVE = ContextKey.named("llmobs-genai-call");

  private final Context context;
  private final GenAiRequest request;
  private final Function<Throwable, String> errorTypes;
  private final long startNanos = System.nanoTime();
  private final AtomicBoolean ended = new AtomicBoolean();
  private Scope scope;

  private GenAiCall(Context context, GenAiRequest request, Function<Throwable, String> errorTypes) {
    this.context = context;
    this.request = request;
    this.errorTypes = errorTypes;
  }

  /**
   * Starts the span and makes it current on this thread, or returns null when there is nothing to
   * trace (no request, instrumentation suppressed, or already inside a GenAI call of ours).
   *
   * @param errorTypes turns a failure of this provider's SDK into {@code error.type}
   */
  public static GenAiCall start(GenAiRequest request, Function<Throwable, String> errorTypes) {
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
      GenAiCall call = new GenAiCall(context, request, errorTypes);
      call.scope = context.makeCurrent();
      return call;
    } catch (Throwable t) {
      logFailure(t);
      return null;
    }
  }

  /** The request of the GenAI call running in {@code context}, if any. */
  public static GenAiRequest activeRequest(Context context) {
    return context == null ? null : context.get(ACTIVE);
  }

  long startNanos() {
    return startNanos;
  }

  /** Leaves the call's scope on this thread; the span stays open until it ends. */
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

  /** Ends the span once; later calls do nothing. {@code response} may be null. */
  public void end(GenAiResponse response, Throwable error) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    try {
      if (error != null && (response == null || response.errorType() == null)) {
        response = (response == null ? new GenAiResponse() : response).errorType(errorType(error));
      }
      GenAiInstrumenter.get().end(context, request, response, error);
    } catch (Throwable t) {
      logFailure(t);
    }
  }

  /** Ends the span as cancelled by the caller (a stream closed early), keeping what was seen. */
  public void endCancelled(GenAiResponse partial) {
    end(
        (partial == null ? new GenAiResponse() : partial).errorType(GenAiSemconv.ERROR_CANCELLED),
        null);
  }

  /** Closes the scope and ends the span: the usual exit of a synchronous call. */
  public void exit(GenAiResponse response, Throwable error) {
    closeScope();
    end(response, error);
  }

  /**
   * The exit of an asynchronous call: leaves the scope now and ends the span when {@code future}
   * completes. The caller keeps the very same future.
   */
  public <R> void endOnCompletion(
      CompletableFuture<R> future, final Function<? super R, GenAiResponse> responses) {
    closeScope();
    future.whenComplete(
        (result, error) -> {
          Throwable cause = unwrap(error);
          end(cause == null ? map(responses, result) : null, cause);
        });
  }

  private static <R> GenAiResponse map(Function<? super R, GenAiResponse> responses, R result) {
    try {
      return responses.apply(result);
    } catch (Throwable t) {
      logFailure(t);
      return null;
    }
  }

  private String errorType(Throwable error) {
    try {
      String type = errorTypes == null ? null : errorTypes.apply(error);
      return type != null ? type : GenAiErrors.classify(error, null);
    } catch (Throwable t) {
      logFailure(t);
      return GenAiErrors.classify(error, null);
    }
  }

  static Throwable unwrap(Throwable error) {
    while ((error instanceof CompletionException || error instanceof ExecutionException)
        && error.getCause() != null) {
      error = error.getCause();
    }
    return error;
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
