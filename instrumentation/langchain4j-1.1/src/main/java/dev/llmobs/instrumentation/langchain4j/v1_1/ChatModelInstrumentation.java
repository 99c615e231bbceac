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
 * {@code ChatModel.chat(ChatRequest)} and, from 1.13 on, {@code chat(ChatRequest,
 * ChatRequestOptions)}: the interface's default methods, through which {@code chat(String)}, {@code
 * chat(ChatMessage...)}, {@code chat(List)} and every model that implements {@code doChat} pass,
 * and their overrides in models that implement {@code chat} themselves.
 */
public final class ChatModelInstrumentation extends ImplementationsOf {

  static final String CHAT_MODEL = "dev.langchain4j.model.chat.ChatModel";
  static final String CHAT_REQUEST = "dev.langchain4j.model.chat.request.ChatRequest";
  static final String CHAT_REQUEST_OPTIONS = "dev.langchain4j.model.chat.ChatRequestOptions";

  public ChatModelInstrumentation() {
    super(CHAT_MODEL);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isMethod()
            .and(named("chat"))
            .and(not(isAbstract()))
            .and(takesArgument(0, named(CHAT_REQUEST)))
            .and(
                takesArguments(1)
                    .or(takesArguments(2).and(takesArgument(1, named(CHAT_REQUEST_OPTIONS))))),
        getClass().getName() + "$ChatAdvice");
  }

  @SuppressWarnings("unused")
  public static final class ChatAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object onEnter(
        @Advice.This Object model, @Advice.Argument(0) Object chatRequest) {
      return LangChain4jCalls.chatEnter(model, chatRequest);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter Object call,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object response,
        @Advice.Thrown Throwable error) {
      LangChain4jCalls.chatExit(call, response, error);
    }

    private ChatAdvice() {}
  }
}
