package dev.llmobs.instrumentation.langchain4j.v1_1;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.llmobs.genai.GenAiCall;
import dev.llmobs.genai.GenAiFailures;
import dev.llmobs.genai.GenAiInstrumenter;
import dev.llmobs.genai.GenAiRequest;
import dev.llmobs.genai.GenAiResponse;
import io.opentelemetry.context.Context;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the advice of this module calls: each method finds nothing to do when a GenAI call is
 * already running (the outermost layer owns the span, so {@code chat(String)} calling {@code
 * chat(ChatRequest)} calling {@code chat(ChatRequest, ChatRequestOptions)}, or a LangChain4j model
 * built on an SDK we also instrument, gives one span), and never throws.
 */
public final class LangChain4jCalls {

  static final String MODULE = "langchain4j";

  /** Enter of {@code ChatModel.chat(ChatRequest[, ChatRequestOptions])}: the call, or null. */
  public static Object chatEnter(final Object model, final Object chatRequest) {
    if (!(chatRequest instanceof ChatRequest)) {
      return null;
    }
    return start(() -> LangChain4jChat.request(model, (ChatRequest) chatRequest, false, capture()));
  }

  /** Exit of {@code ChatModel.chat}: ends the span with the response or the error. */
  public static void chatExit(Object call, Object response, Throwable error) {
    final int capture = capture();
    exit(
        call,
        response instanceof ChatResponse ? (ChatResponse) response : null,
        error,
        r -> LangChain4jChat.response(r, capture));
  }

  /**
   * Enter of {@code StreamingChatModel.chat(ChatRequest[, ChatRequestOptions], handler)}: {@code
   * {tracing handler or null, the arguments to call with}}, the handler argument replaced by one
   * that follows the stream.
   */
  public static Object[] streamingChatEnter(Object model, Object[] arguments) {
    Object[] result = {null, arguments};
    try {
      int last = arguments.length - 1;
      if (last < 1
          || !(arguments[0] instanceof ChatRequest)
          || !(arguments[last] instanceof StreamingChatResponseHandler)
          || running()) {
        return result;
      }
      int capture = capture();
      GenAiCall call =
          GenAiCall.start(
              MODULE, LangChain4jChat.request(model, (ChatRequest) arguments[0], true, capture));
      if (call == null) {
        return result;
      }
      TracingStreamingHandler handler;
      Object proxy;
      try {
        handler = TracingStreamingHandler.start(arguments[last], call, capture);
        proxy = handler.proxy();
      } catch (Throwable t) {
        call.exit(null, null);
        throw t;
      }
      Object[] replaced = arguments.clone();
      replaced[last] = proxy;
      result[0] = handler;
      result[1] = replaced;
    } catch (Throwable t) {
      GenAiFailures.record(MODULE, t);
    }
    return result;
  }

  /** Exit of {@code StreamingChatModel.chat}: the span goes on until the handler hears the end. */
  public static void streamingChatExit(Object[] entered, Throwable error) {
    if (entered != null && entered[0] != null) {
      ((TracingStreamingHandler) entered[0]).methodExited(error);
    }
  }

  /** Enter of {@code EmbeddingModel.embed/embedAll}: the call, or null. */
  public static Object embeddingEnter(final Object model, final Object input) {
    return start(() -> LangChain4jEmbeddings.request(model, input));
  }

  /** Exit of {@code EmbeddingModel.embed/embedAll}. */
  public static void embeddingExit(Object call, Object result, Throwable error) {
    exit(call, result, error, LangChain4jEmbeddings::response);
  }

  private static <R> void exit(
      Object call, R result, Throwable error, Function<? super R, GenAiResponse> response) {
    if (call == null) {
      return;
    }
    GenAiCall genAiCall = (GenAiCall) call;
    genAiCall.closeScope();
    if (error != null || result == null) {
      genAiCall.end(null, error);
    } else {
      genAiCall.endWith(response, result);
    }
  }

  /** Starts a call unless one is running; never throws. */
  private static GenAiCall start(Supplier<GenAiRequest> request) {
    try {
      return running() ? null : GenAiCall.start(MODULE, request.get());
    } catch (Throwable t) {
      GenAiFailures.record(MODULE, t);
      return null;
    }
  }

  // Cheaper than mapping a request for GenAiCall.start to drop: nested calls are frequent here.
  private static boolean running() {
    return GenAiCall.current(Context.current()) != null;
  }

  private static int capture() {
    return GenAiInstrumenter.captureContentMaxLength();
  }

  private LangChain4jCalls() {}
}
