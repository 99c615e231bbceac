package dev.llmobs.genai.stores;

import dev.llmobs.genai.GenAiErrors;
import dev.llmobs.genai.GenAiFailures;
import dev.llmobs.genai.GenAiInstrumenter;
import dev.llmobs.genai.GenAiLogContext;
import dev.llmobs.genai.GenAiRequestState;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;

/**
 * One running store operation, the neutral entry point of every store module: {@link #start} when
 * the store method is entered, {@link #end} when it returns or throws. While it runs, its span is
 * current (upstream's JDBC or Redis spans nest beneath it) and log events carry its conversation
 * id; the id is also handed to the GenAI calls that follow in the same request. Nothing here throws
 * into the application.
 */
public final class StoreCall {

  private static final ContextKey<StoreCall> ACTIVE = ContextKey.named("llmobs-store-call");

  private final String module;
  private final StoreRequest request;
  private Context context;
  private Scope scope;

  private StoreCall(String module, StoreRequest request) {
    this.module = module;
    this.request = request;
  }

  /**
   * Starts the store span and makes it current, or returns null when there is nothing to trace: no
   * request, instrumentation suppressed, or the same store object calling itself (an
   * implementation's method calling another of its store methods, or its super method).
   *
   * @param module the llmobs module, such as {@code genai-stores}: names its failures
   */
  public static StoreCall start(String module, StoreRequest request) {
    try {
      if (request == null) {
        return null;
      }
      Context parent = Context.current();
      StoreCall outer = parent.get(ACTIVE);
      if (outer != null && outer.request.receiver() == request.receiver()) {
        return null;
      }
      StoreInstrumenter store = StoreInstrumenter.get();
      if (!store.instrumenter.shouldStart(parent, request)) {
        return null;
      }
      String conversationId = request.conversationId();
      if (conversationId != null) {
        GenAiRequestState.conversation(parent, conversationId);
        store.conversations.record(conversationId, System.currentTimeMillis());
      }
      StoreCall call = new StoreCall(module, request);
      call.context =
          GenAiLogContext.withStoreConversation(
                  store.instrumenter.start(parent, request), conversationId)
              .with(ACTIVE, call);
      call.scope = call.context.makeCurrent();
      return call;
    } catch (Throwable t) {
      GenAiFailures.record(module, t);
      return null;
    }
  }

  /**
   * Starts an operation of a framework's store interface (a LangChain4j ChatMemoryStore, a Spring
   * AI ChatMemoryRepository) on {@code store}: the store is named after its class, the backend
   * guessed from it, the conversation id is {@code conversationId} as a string, the message count
   * that of the first collection among {@code args}.
   */
  public static StoreCall start(
      String module, Object store, String operation, Object conversationId, Object[] args) {
    try {
      String[] names = StoreBackends.NAMES.get(store.getClass());
      return start(
          module,
          new StoreRequest(operation, names[0], names[1], store)
              .conversationId(conversationId == null ? null : String.valueOf(conversationId))
              .messageCount(StoreRequest.countOf(args)));
    } catch (Throwable t) {
      GenAiFailures.record(module, t);
      return null;
    }
  }

  /** Ends the span with what the method returned, or the exception it threw. */
  public void end(Object result, Throwable error) {
    try {
      if (scope != null) {
        scope.close();
        scope = null;
      }
      StoreOutcome outcome =
          new StoreOutcome(result, error == null ? null : GenAiErrors.classify(error));
      Throwable recorded = error;
      if (error != null && GenAiInstrumenter.captureContentMaxLength() == 0) {
        // A store's exception message may quote what it stores: record it without free text.
        Span.fromContext(context).addEvent("exception", GenAiErrors.redactedException(error));
        recorded = null;
      }
      StoreInstrumenter.get().instrumenter.end(context, request, outcome, recorded);
    } catch (Throwable t) {
      GenAiFailures.record(module, t);
    }
  }
}
