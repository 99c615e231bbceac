package dev.llmobs.instrumentation.langchain4j.v1_1;

import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.llmobs.genai.GenAiCall;
import dev.llmobs.genai.GenAiFailures;
import dev.llmobs.genai.GenAiStream;
import io.opentelemetry.context.Scope;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Stands in for the caller's {@code StreamingChatResponseHandler} during a streamed chat call: sees
 * each event on its way to the caller's handler, and ends the span on {@code onCompleteResponse} or
 * {@code onError}, before the caller's handler runs. A dynamic proxy rather than a class of ours so
 * that every method of the interface reaches the caller's handler, including those that LangChain4j
 * versions after this module's floor add ({@code onPartialThinking}, {@code onPartialToolCall},
 * {@code onCompleteToolCall}, ...), which a compiled wrapper would swallow.
 *
 * <p>The caller's handler runs in the caller's context (the one {@code chat} was called in), never
 * in the span's, whatever thread the HTTP client calls back on. A stream the caller cancels through
 * the {@code StreamingHandle} of a partial's context (LangChain4j 1.8 on) ends as {@code
 * cancelled}.
 */
final class TracingStreamingHandler implements InvocationHandler {

  private static final Object PARTIAL = new Object();
  private static final ClassValue<Method> STREAMING_HANDLE =
      LangChain4jModels.method("streamingHandle");
  private static final ClassValue<Method> IS_CANCELLED = LangChain4jModels.method("isCancelled");

  private final Object delegate;
  private final GenAiCall call;
  private final GenAiStream<Object> stream;

  private TracingStreamingHandler(Object delegate, GenAiCall call, GenAiStream<Object> stream) {
    this.delegate = delegate;
    this.call = call;
    this.stream = stream;
  }

  /**
   * Follows {@code call} as a stream; returns the tracing handler, whose {@link #proxy} to pass.
   */
  static TracingStreamingHandler start(Object delegate, GenAiCall call, int capture) {
    return new TracingStreamingHandler(
        delegate, call, call.stream(new LangChain4jStreamAccumulator(capture)));
  }

  /** The handler to give the model in place of the caller's. */
  Object proxy() {
    return Proxy.newProxyInstance(
        StreamingChatResponseHandler.class.getClassLoader(),
        new Class<?>[] {StreamingChatResponseHandler.class},
        this);
  }

  /** The instrumented {@code chat} method returned, or threw {@code error} before streaming. */
  void methodExited(Throwable error) {
    call.closeScope();
    if (error != null) {
      stream.fail(error);
    }
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return objectMethod(proxy, method, args);
    }
    String name = method.getName();
    try {
      before(name, args);
    } catch (Throwable t) {
      GenAiFailures.record(LangChain4jCalls.MODULE, t);
    }
    Object result;
    try (Scope ignored = call.parentContext().makeCurrent()) {
      result = method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    try {
      after(name, args);
    } catch (Throwable t) {
      GenAiFailures.record(LangChain4jCalls.MODULE, t);
    }
    return result;
  }

  private void before(String name, Object[] args) {
    if ("onCompleteResponse".equals(name)) {
      if (args[0] != null) {
        stream.onChunk(args[0]);
      }
      stream.complete();
    } else if ("onError".equals(name)) {
      stream.fail((Throwable) args[0]);
    } else if (isPartial(name)) {
      stream.onChunk(PARTIAL);
    }
  }

  private void after(String name, Object[] args) {
    // onPartialXxx(partial, context): the caller may have cancelled through the context's handle,
    // after which LangChain4j calls neither onCompleteResponse nor onError.
    if (isPartial(name) && args.length == 2) {
      Object handle = LangChain4jModels.call(args[1], STREAMING_HANDLE);
      if (Boolean.TRUE.equals(LangChain4jModels.call(handle, IS_CANCELLED))) {
        stream.closedByCaller();
      }
    }
  }

  private static boolean isPartial(String name) {
    return name.startsWith("onPartial");
  }

  private Object objectMethod(Object proxy, Method method, Object[] args) {
    switch (method.getName()) {
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      default:
        return delegate.toString();
    }
  }
}
