package dev.llmobs.genai;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One running GenAI call, the neutral entry point of every provider module: {@link #start} when the
 * SDK or framework method is entered, then one of {@link #exit} (blocking), {@link
 * #endOnCompletion} (a future) or {@link #stream} (a streamed response). The span ends exactly
 * once. Nothing here throws into the application: a failure of ours is recorded by {@link
 * GenAiFailures} and the call goes on.
 *
 * <p>One call, one span: while a call is current, a nested GenAI layer (a framework calling an SDK
 * we also instrument) starts nothing; the outermost layer, the one the application called, owns the
 * span. An agent or tool operation ({@link GenAiOperation}) is a boundary: calls beneath it always
 * start spans of their own.
 */
public final class GenAiCall {

  private static final ContextKey<GenAiCall> ACTIVE = ContextKey.named("llmobs-genai-call");

  private final String module;
  private final Context parentContext;
  private Context context;
  private final GenAiRequest request;
  private final long startNanos = System.nanoTime();
  private final AtomicBoolean ended = new AtomicBoolean();
  private GenAiScope scope;
  // Set by a layer that starts the call for an inner layer of the same SDK to finish (see claim).
  private volatile boolean handedOver;
  private volatile boolean claimed;
  private volatile CompletableFuture<?> innerFuture;

  private GenAiCall(String module, Context parentContext, GenAiRequest request) {
    this.module = module;
    this.parentContext = parentContext;
    this.request = request;
  }

  /**
   * Starts the span and makes it current on this thread, or returns null when there is nothing to
   * trace: no request, instrumentation suppressed, or already inside a GenAI call. A request that
   * names no conversation gets the one a store operation of the same request touched last (see
   * {@link GenAiRequestState}).
   *
   * @param module the llmobs module, such as {@code openai-java}: names its failures
   */
  public static GenAiCall start(String module, GenAiRequest request) {
    try {
      if (request == null) {
        return null;
      }
      Context parent = Context.current();
      Instrumenter<GenAiRequest, GenAiResponse> instrumenter = GenAiInstrumenter.get();
      if (parent.get(ACTIVE) != null || !instrumenter.shouldStart(parent, request)) {
        return null;
      }
      // A store operation earlier in this request (same local root span) named the conversation.
      if (request.conversationId() == null) {
        request.conversationId(GenAiRequestState.conversationId(parent));
      }
      GenAiRequestState.call(parent, request);
      GenAiCall call = new GenAiCall(module, parent, request);
      call.context = instrumenter.start(parent, request).with(ACTIVE, call);
      call.scope = GenAiScope.enter(call.context);
      return call;
    } catch (Throwable t) {
      GenAiFailures.record(module, t);
      return null;
    }
  }

  /** {@code context} without its running call: what an agent or tool operation runs in. */
  static Context outsideCall(Context context) {
    return context.get(ACTIVE) == null ? context : context.with(ACTIVE, null);
  }

  /** The GenAI call whose span is current in {@code context}, if any. */
  public static GenAiCall current(Context context) {
    return context == null ? null : context.get(ACTIVE);
  }

  /** The request of the GenAI call running in {@code context}, if any. */
  public static GenAiRequest activeRequest(Context context) {
    GenAiCall call = current(context);
    return call == null ? null : call.request;
  }

  public String module() {
    return module;
  }

  public GenAiRequest request() {
    return request;
  }

  /** The context the call was started in: where the caller's callbacks must run. */
  public Context parentContext() {
    return parentContext;
  }

  long startNanos() {
    return startNanos;
  }

  /**
   * Marks this call as started by an outer layer of one SDK for an inner layer of the same SDK to
   * finish (the inner layer sees the result the outer one only passes on).
   */
  public void handOver() {
    handedOver = true;
  }

  /**
   * For an inner layer: the call current in {@code context} when an outer layer of the same SDK
   * handed it over and nobody claimed it yet; null otherwise.
   */
  public static GenAiCall claim(Context context) {
    GenAiCall call = current(context);
    if (call == null || !call.handedOver || call.claimed) {
      return null;
    }
    call.claimed = true;
    return call;
  }

  /** Whether an inner layer claimed this call: then the outer layer owns its scope. */
  public boolean wasClaimed() {
    return claimed;
  }

  /**
   * Leaves the call's scope on the thread that started the call (elsewhere this does nothing: a
   * scope belongs to its thread); the span stays open until it ends.
   */
  public void closeScope() {
    GenAiScope current = scope;
    if (current != null) {
      current.close(module);
    }
  }

  /**
   * Ends the span unless it has ended already. {@code response} may be null; a failed call gets its
   * {@code error.type} from {@link GenAiErrors#classify} unless the response names one.
   *
   * @return true when this call ended the span
   */
  public boolean end(GenAiResponse response, Throwable error) {
    if (!ended.compareAndSet(false, true)) {
      return false;
    }
    try {
      Throwable cause = unwrap(error);
      if (cause != null && (response == null || response.errorType() == null)) {
        response =
            (response == null ? new GenAiResponse() : response)
                .errorType(GenAiErrors.classify(cause));
      }
      GenAiInstrumenter.get()
          .end(context, request, response, GenAiErrors.recordable(context, cause));
    } catch (Throwable t) {
      GenAiFailures.record(module, t);
    }
    return true;
  }

  /**
   * Ends the span with the response {@code mapper} makes of {@code result}; a mapper failure is
   * recorded and the span ends without the response.
   */
  public <R> boolean endWith(Function<? super R, GenAiResponse> mapper, R result) {
    if (ended.get()) {
      return false;
    }
    return end(map(mapper, result), null);
  }

  /** Ends the span as cancelled by the caller (such as a stream closed early). */
  public boolean endCancelled(GenAiResponse partial) {
    return end(
        (partial == null ? new GenAiResponse() : partial).errorType(GenAiSemconv.ERROR_CANCELLED),
        null);
  }

  /** Ends the span as abandoned: the application dropped what it held of an open call. */
  public boolean endAbandoned() {
    return end(new GenAiResponse().errorType(GenAiSemconv.ERROR_ABANDONED), null);
  }

  /**
   * Watches {@code holder}, the object the application keeps while this call is open (a raw
   * response not yet read, say): the call ends as abandoned when the holder becomes unreachable or
   * after the idle limit. Returns the token for {@link #unwatch}.
   */
  public Object watch(Object holder) {
    final long since = System.nanoTime();
    return GenAiReaper.track(
        holder,
        new GenAiReaper.Pending() {
          @Override
          public long lastActivityNanos() {
            return since;
          }

          @Override
          public void abandon() {
            endAbandoned();
          }
        });
  }

  /** Stops watching: the call has moved on (ended, or handed to a stream that watches itself). */
  public static void unwatch(Object token) {
    GenAiReaper.untrack(token);
  }

  /** Closes the scope and ends the span: the usual exit of a blocking call. */
  public void exit(GenAiResponse response, Throwable error) {
    closeScope();
    end(response, error);
  }

  /**
   * The exit of an asynchronous call: leaves the scope now and returns the future the caller gets.
   * The span ends when {@code future} completes, before any of the caller's callbacks, which run in
   * the caller's context, never in the call's. Cancelling either future cancels the other.
   */
  public <R> CompletableFuture<R> endOnCompletion(
      CompletableFuture<R> future, final Function<? super R, GenAiResponse> mapper) {
    closeScope();
    return GenAiFutures.completeInContext(
        future,
        parentContext,
        (result, error) -> {
          if (error != null) {
            end(null, error);
          } else {
            endWith(mapper, result);
          }
          return result;
        },
        module);
  }

  /**
   * For an asynchronous call whose result the span keeps following (a raw response the caller has
   * yet to read), after the scope is closed: returns the future the caller gets, completed in the
   * caller's context with what {@code follow} makes of the value; a failure ends the span.
   * Cancelling either future cancels the other.
   */
  public <R> CompletableFuture<R> followOnCompletion(
      CompletableFuture<R> future, final Function<? super R, ? extends R> follow) {
    return GenAiFutures.completeInContext(
        future,
        parentContext,
        (result, error) -> {
          if (error != null) {
            end(null, error);
            return result;
          }
          return follow.apply(result);
        },
        module);
  }

  /**
   * Remembers the future an inner layer returned, so that an outer layer that hands its caller a
   * future of its own can pass a cancellation on.
   */
  public void innerFuture(CompletableFuture<?> future) {
    innerFuture = future;
  }

  /**
   * Ends the call as cancelled when {@code callerFuture} (what the caller holds) is cancelled, and
   * cancels the inner layer's future too.
   */
  public void endWhenCancelled(CompletableFuture<?> callerFuture) {
    callerFuture.whenComplete(
        (ignored, error) -> {
          if (callerFuture.isCancelled()) {
            endCancelled(null);
            CompletableFuture<?> inner = innerFuture;
            if (inner != null) {
              inner.cancel(false);
            }
          }
        });
  }

  /**
   * Follows a streamed response: the span ends when the stream does. Leaves the scope as it is: at
   * method exit, {@link #closeScope} first.
   */
  public <T> GenAiStream<T> stream(GenAiStreamAccumulator<T> accumulator) {
    return GenAiStream.start(this, accumulator);
  }

  <R> GenAiResponse map(Function<? super R, GenAiResponse> mapper, R result) {
    try {
      return mapper.apply(result);
    } catch (Throwable t) {
      GenAiFailures.record(module, t);
      return null;
    }
  }

  static Throwable unwrap(Throwable error) {
    while ((error instanceof CompletionException || error instanceof ExecutionException)
        && error.getCause() != null) {
      error = error.getCause();
    }
    return error;
  }
}
