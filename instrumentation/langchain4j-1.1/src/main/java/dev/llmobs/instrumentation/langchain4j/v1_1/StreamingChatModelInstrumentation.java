package dev.llmobs.instrumentation.langchain4j.v1_1;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * {@code StreamingChatModel.chat(ChatRequest, handler)} and, from 1.13 on, {@code chat(ChatRequest,
 * ChatRequestOptions, handler)}: the interface's defaults (which {@code chat(String, handler)},
 * {@code chat(List, handler)} and every model implementing {@code doChat} go through) and their
 * overrides. The span ends when the handler hears the end of the stream, not when {@code chat}
 * returns.
 */
public final class StreamingChatModelInstrumentation extends ImplementationsOf {

  static final String STREAMING_CHAT_MODEL = "dev.langchain4j.model.chat.StreamingChatModel";
  static final String HANDLER = "dev.langchain4j.model.chat.response.StreamingChatResponseHandler";

  public StreamingChatModelInstrumentation() {
    super(STREAMING_CHAT_MODEL);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isMethod()
            .and(named("chat"))
            .and(not(isAbstract()))
            .and(takesArgument(0, named(ChatModelInstrumentation.CHAT_REQUEST)))
            .and(
                takesArguments(2)
                    .and(takesArgument(1, named(HANDLER)))
                    .or(
                        takesArguments(3)
                            .and(
                                takesArgument(
                                    1, named(ChatModelInstrumentation.CHAT_REQUEST_OPTIONS)))
                            .and(takesArgument(2, named(HANDLER))))),
        getClass().getName() + "$StreamingChatAdvice");
  }

  @SuppressWarnings("unused")
  public static final class StreamingChatAdvice {

    // Returns {tracing handler, arguments}: the arguments come back with the caller's handler
    // replaced, so that the span sees the stream's events.
    @Advice.OnMethodEnter(suppress = Throwable.class)
    @Advice.AssignReturned.ToAllArguments(index = 1, typing = Assigner.Typing.DYNAMIC)
    public static Object[] onEnter(
        @Advice.This Object model, @Advice.AllArguments Object[] arguments) {
      return LangChain4jCalls.streamingChatEnter(model, arguments);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(@Advice.Enter Object[] entered, @Advice.Thrown Throwable error) {
      LangChain4jCalls.streamingChatExit(entered, error);
    }

    private StreamingChatAdvice() {}
  }
}
