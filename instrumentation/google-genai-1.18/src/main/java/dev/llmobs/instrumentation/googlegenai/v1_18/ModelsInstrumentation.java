package dev.llmobs.instrumentation.googlegenai.v1_18;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.llmobs.genai.GenAiCall;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code client.models} and {@code client.async.models}: every public overload of generateContent,
 * generateContentStream and embedContent (model, input, config). A blocking result goes back
 * untouched (a stream is then followed as the caller iterates it, see {@link
 * ResponseStreamInstrumentation}); an async caller gets a future completed after the span ended, in
 * the caller's own context.
 */
public final class ModelsInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf("com.google.genai.Models", "com.google.genai.AsyncModels");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isPublic()
            .and(namedOneOf("generateContent", "generateContentStream", "embedContent"))
            .and(takesArguments(3)),
        getClass().getName() + "$CallAdvice");
    // One model round trip of automatic function calling (see GoogleGenAiCalls.start).
    transformer.applyAdviceToMethod(
        named("privateGenerateContent").and(takesArguments(3)),
        getClass().getName() + "$CallAdvice");
  }

  @SuppressWarnings("unused")
  public static class CallAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static GenAiCall onEnter(
        @Advice.This Object models,
        @Advice.FieldValue(value = "apiClient", typing = Assigner.Typing.DYNAMIC) Object apiClient,
        @Advice.Origin("#m") String method,
        @Advice.Argument(0) String model,
        @Advice.Argument(1) Object input,
        @Advice.Argument(2) Object config) {
      return GoogleGenAiCalls.start(models, apiClient, method, model, input, config);
    }

    // The result goes back untouched, or (async) as the future the caller must get.
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object onExit(
        @Advice.Enter GenAiCall call,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
        @Advice.Thrown Throwable error) {
      return GoogleGenAiCalls.exit(call, result, error);
    }
  }
}
