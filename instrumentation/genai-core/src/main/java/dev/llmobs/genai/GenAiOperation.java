package dev.llmobs.genai;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One running agent or tool operation ({@code invoke_agent}, {@code execute_tool}): an INTERNAL
 * span that parents what runs inside it. {@link #start} when the framework's method is entered,
 * {@link #exit} when it returns; the span ends exactly once and nothing here throws into the
 * application.
 *
 * <p>Unlike an inference call ({@link GenAiCall}, where the outermost layer owns the one span), an
 * operation is a boundary: inference calls beneath it start spans of their own, and operations nest
 * (an agent calling a tool that invokes another agent). Only the same operation entered again by an
 * inner layer of the same framework, directly (the same {@link GenAiOperationRequest#identity}),
 * starts nothing.
 */
public final class GenAiOperation {

  private static final ContextKey<GenAiOperation> CURRENT = ContextKey.named("llmobs-genai-op");

  private final String module;
  private final GenAiOperationRequest request;
  private final AtomicBoolean ended = new AtomicBoolean();
  private Context context;
  private GenAiScope scope;
  private volatile Throwable reportedFailure;

  private GenAiOperation(String module, GenAiOperationRequest request) {
    this.module = module;
    this.request = request;
  }

  /**
   * Starts the span and makes it current on this thread, or returns null when there is nothing to
   * trace: no request, instrumentation suppressed, or the same operation already running right
   * here.
   */
  public static GenAiOperation start(String module, GenAiOperationRequest request) {
    try {
      if (request == null) {
        return null;
      }
      Context parent = Context.current();
      if (isReentry(parent, request)) {
        return null;
      }
      Instrumenter<GenAiOperationRequest, GenAiOperationResult> instrumenter =
          GenAiInstrumenter.operations();
      if (!instrumenter.shouldStart(parent, request)) {
        return null;
      }
      GenAiOperation operation = new GenAiOperation(module, request);
      operation.context =
          GenAiCall.outsideCall(instrumenter.start(parent, request)).with(CURRENT, operation);
      operation.scope = GenAiScope.enter(operation.context);
      return operation;
    } catch (Throwable t) {
      GenAiFailures.record(module, t);
      return null;
    }
  }

  // The innermost GenAI work in the context is this very operation: an inner layer re-entering it.
  private static boolean isReentry(Context parent, GenAiOperationRequest request) {
    GenAiOperation running = parent.get(CURRENT);
    return running != null
        && request.identity() != null
        && request.identity().equals(running.request.identity())
        && GenAiCall.current(parent) == null;
  }

  /** The innermost agent or tool operation running in {@code context}, if any. */
  public static GenAiOperation current(Context context) {
    return context == null ? null : context.get(CURRENT);
  }

  public GenAiOperationRequest request() {
    return request;
  }

  /**
   * A failure seen inside the operation (a tool method that threw) that the framework turns into a
   * result for the model, or wraps in an exception of its own: the span ends with it.
   */
  public void failedWith(Throwable failure) {
    if (failure != null) {
      reportedFailure = failure;
    }
  }

  /** Leaves the operation's scope on the thread that started it (elsewhere a no-op). */
  public void closeScope() {
    GenAiScope current = scope;
    if (current != null) {
      current.close(module);
    }
  }

  /**
   * The usual exit of a tool: {@code result} is the tool's output as text (recorded with content
   * capture only, cut like message content; may be null), {@code toolFailure} the tool's own
   * exception when the framework wrapped it or made a result for the model of it (may be null),
   * {@code error} what the framework threw.
   */
  public void exitTool(String result, Throwable toolFailure, Throwable error) {
    GenAiOperationResult outcome = new GenAiOperationResult();
    try {
      outcome.result(result, GenAiInstrumenter.captureContentMaxLength());
      failedWith(toolFailure);
    } catch (Throwable t) {
      GenAiFailures.record(module, t);
    }
    exit(outcome, error);
  }

  /** Closes the scope and ends the span: the usual exit. */
  public void exit(GenAiOperationResult result, Throwable error) {
    closeScope();
    end(result, error);
  }

  /**
   * Ends the span unless it has ended already. {@code result} may be null. A failure (thrown, or
   * reported by {@link #failedWith}) gets its {@code error.type} from {@link GenAiErrors#classify}
   * unless the result names one; a result marked failed without a known cause gets {@code _OTHER}.
   */
  public boolean end(GenAiOperationResult result, Throwable error) {
    if (!ended.compareAndSet(false, true)) {
      return false;
    }
    try {
      // The failure reported from inside is the root of what the framework may throw for it.
      Throwable cause = reportedFailure != null ? reportedFailure : GenAiCall.unwrap(error);
      if (result == null) {
        result = new GenAiOperationResult();
      }
      if (result.errorType() == null && cause != null) {
        result.errorType(GenAiErrors.classify(cause));
      } else if (result.errorType() == null && result.isFailed()) {
        result.errorType(GenAiSemconv.ERROR_OTHER);
      }
      GenAiInstrumenter.operations()
          .end(context, request, result, GenAiErrors.recordable(context, cause));
    } catch (Throwable t) {
      GenAiFailures.record(module, t);
    }
    return true;
  }
}
