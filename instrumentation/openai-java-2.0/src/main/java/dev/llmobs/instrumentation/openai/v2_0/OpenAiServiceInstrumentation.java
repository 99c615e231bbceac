package dev.llmobs.instrumentation.openai.v2_0;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import com.openai.core.ClientOptions;
import dev.llmobs.genai.GenAiCall;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The SDK's service implementations, blocking and async: every client, however it was built
 * (builders, {@code withOptions}, a hand-made {@code OpenAIClientImpl}), ends up in one of them.
 * One advice serves all; {@link OpenAiCalls} tells the operations apart by the params type.
 */
public final class OpenAiServiceInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf(
        "com.openai.services.blocking.chat.ChatCompletionServiceImpl",
        "com.openai.services.async.chat.ChatCompletionServiceAsyncImpl",
        "com.openai.services.blocking.ResponseServiceImpl",
        "com.openai.services.async.ResponseServiceAsyncImpl",
        "com.openai.services.blocking.EmbeddingServiceImpl",
        "com.openai.services.async.EmbeddingServiceAsyncImpl");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        namedOneOf("create", "createStreaming")
            .and(isPublic())
            .and(takesArguments(2))
            .and(
                takesArgument(
                    0,
                    namedOneOf(
                        "com.openai.models.chat.completions.ChatCompletionCreateParams",
                        "com.openai.models.responses.ResponseCreateParams",
                        "com.openai.models.embeddings.EmbeddingCreateParams")))
            .and(takesArgument(1, named("com.openai.core.RequestOptions"))),
        getClass().getName() + "$CallAdvice");
  }

  @SuppressWarnings("unused")
  public static class CallAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static GenAiCall onEnter(
        @Advice.Argument(0) Object params,
        @Advice.FieldValue("clientOptions") ClientOptions clientOptions,
        @Advice.Origin("#m") String method) {
      return OpenAiCalls.start(params, clientOptions, method);
    }

    // The result goes back untouched, or wrapped (streams) so the span can see its chunks.
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object onExit(
        @Advice.Enter GenAiCall call,
        @Advice.Argument(0) Object params,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
        @Advice.Thrown Throwable error) {
      return call == null ? result : OpenAiCalls.end(call, params, result, error);
    }
  }
}
