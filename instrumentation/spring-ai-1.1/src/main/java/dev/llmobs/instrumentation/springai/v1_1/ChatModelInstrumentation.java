package dev.llmobs.instrumentation.springai.v1_1;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.implementsInterface;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code call(Prompt)} and {@code stream(Prompt)} of every class implementing Spring AI's {@code
 * ChatModel} or {@code StreamingChatModel}. An override that calls {@code super}, or a model
 * delegating to another, is a nested layer and starts nothing.
 */
public final class ChatModelInstrumentation implements TypeInstrumentation {

  private static final String CHAT_MODEL = "org.springframework.ai.chat.model.ChatModel";
  private static final String STREAMING_CHAT_MODEL =
      "org.springframework.ai.chat.model.StreamingChatModel";
  private static final String PROMPT = "org.springframework.ai.chat.prompt.Prompt";

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed(STREAMING_CHAT_MODEL);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface())
        .and(implementsInterface(namedOneOf(CHAT_MODEL, STREAMING_CHAT_MODEL)));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isPublic()
            .and(not(isAbstract()))
            .and(named("call"))
            .and(takesArguments(1))
            .and(takesArgument(0, named(PROMPT))),
        ChatModelInstrumentation.class.getName() + "$CallAdvice");
    transformer.applyAdviceToMethod(
        isPublic()
            .and(not(isAbstract()))
            .and(named("stream"))
            .and(takesArguments(1))
            .and(takesArgument(0, named(PROMPT)))
            .and(returns(named("reactor.core.publisher.Flux"))),
        ChatModelInstrumentation.class.getName() + "$StreamAdvice");
  }

  @SuppressWarnings("unused")
  public static final class CallAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object onEnter(@Advice.This Object model, @Advice.Argument(0) Object prompt) {
      return SpringAiChat.start(model, prompt);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter Object call,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
        @Advice.Thrown Throwable error) {
      SpringAiChat.end(call, result, error);
    }

    private CallAdvice() {}
  }

  @SuppressWarnings("unused")
  public static final class StreamAdvice {

    // The Flux goes back as it is, or traced from its subscription on.
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object onExit(
        @Advice.This Object model,
        @Advice.Argument(0) Object prompt,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object flux,
        @Advice.Thrown Throwable error) {
      return SpringAiChat.stream(model, prompt, flux, error);
    }

    private StreamAdvice() {}
  }
}
