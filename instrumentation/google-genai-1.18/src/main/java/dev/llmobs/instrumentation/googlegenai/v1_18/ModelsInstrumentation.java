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
 * {@code client.models}: every public overload of generateContent, generateContentStream and
 * embedContent (model, input, config). The result goes back untouched; a stream is followed as the
 * caller iterates it (see {@link ResponseStreamInstrumentation}).
 */
public final class ModelsInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("com.google.genai.Models");
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
    public static void onExit(
        @Advice.Enter GenAiCall call,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
        @Advice.Thrown Throwable error) {
      GoogleGenAiCalls.exit(call, result, error);
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
    public static void onExit(
        @Advice.Enter GenAiCall call,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object stream,
        @Advice.Thrown Throwable error) {
      GoogleGenAiCalls.exitStream(call, stream, error);
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
    public static void onExit(
        @Advice.Enter GenAiCall call,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
        @Advice.Thrown Throwable error) {
      GoogleGenAiCalls.exit(call, result, error);
    }
  }
}
