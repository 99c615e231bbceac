package dev.llmobs.instrumentation.anthropic.v2_0;

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

/** The SDK's messages service implementations, blocking and async; handled by AnthropicCalls. */
public final class MessageServiceInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf(
        "com.anthropic.services.blocking.MessageServiceImpl",
        "com.anthropic.services.async.MessageServiceAsyncImpl");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        namedOneOf("create", "createStreaming")
            .and(isPublic())
            .and(takesArguments(2))
            .and(takesArgument(0, named("com.anthropic.models.messages.MessageCreateParams")))
            .and(takesArgument(1, named("com.anthropic.core.RequestOptions"))),
        GenAiServiceAdvice.NAME);
  }
}
