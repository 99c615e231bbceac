package dev.llmobs.instrumentation.googlegenai.v1_18;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.llmobs.genai.GenAiCall;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code client.async.models}: the same methods returning a CompletableFuture. The caller gets a
 * future completed after the span ended, in the caller's own context; a streamed call's span goes
 * on until the stream the future brings is exhausted, closed or dropped.
 */
public final class AsyncModelsInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("com.google.genai.AsyncModels");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isPublic().and(named("generateContent")).and(takesArguments(3)),
        getClass().getName() + "$GenerateAdvice");
    transformer.applyAdviceToMethod(
        isPublic().and(named("generateContentStream")).and(takesArguments(3)),
        getClass().getName() + "$StreamAdvice");
    transformer.applyAdviceToMethod(
        isPublic().and(named("embedContent")).and(takesArguments(3)),
        getClass().getName() + "$EmbedAdvice");
  }

  @SuppressWarnings("unused")
  public static class GenerateAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static GenAiCall onEnter(
        @Advice.FieldValue(value = "apiClient", typing = Assigner.Typing.DYNAMIC) Object apiClient,
        @Advice.Argument(0) String model,
        @Advice.Argument(1) Object contents,
        @Advice.Argument(2) Object config) {
      return GoogleGenAiCalls.startChat(apiClient, model, contents, config, false);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object onExit(
        @Advice.Enter GenAiCall call,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object future,
        @Advice.Thrown Throwable error) {
      return GoogleGenAiCalls.exitAsync(call, future, error);
    }
  }

  @SuppressWarnings("unused")
  public static class StreamAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static GenAiCall onEnter(
        @Advice.FieldValue(value = "apiClient", typing = Assigner.Typing.DYNAMIC) Object apiClient,
        @Advice.Argument(0) String model,
        @Advice.Argument(1) Object contents,
        @Advice.Argument(2) Object config) {
      return GoogleGenAiCalls.startChat(apiClient, model, contents, config, true);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object onExit(
        @Advice.Enter GenAiCall call,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object future,
        @Advice.Thrown Throwable error) {
      return GoogleGenAiCalls.exitAsyncStream(call, future, error);
    }
  }

  @SuppressWarnings("unused")
  public static class EmbedAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static GenAiCall onEnter(
        @Advice.FieldValue(value = "apiClient", typing = Assigner.Typing.DYNAMIC) Object apiClient,
        @Advice.Argument(0) String model,
        @Advice.Argument(2) Object config) {
      return GoogleGenAiCalls.startEmbeddings(apiClient, model, config);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object onExit(
        @Advice.Enter GenAiCall call,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object future,
        @Advice.Thrown Throwable error) {
      return GoogleGenAiCalls.exitAsync(call, future, error);
    }
  }
}
