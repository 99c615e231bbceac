package dev.llmobs.instrumentation.openai.v2_0;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.llmobs.genai.GenAiServiceAdvice;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The SDK's service implementations, blocking and async: every client, however it was built
 * (builders, {@code withOptions}, a hand-made {@code OpenAIClientImpl}), ends up in one of them.
 * The shared advice hands the calls to {@link OpenAiCalls}.
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
        GenAiServiceAdvice.NAME);
  }
}
