package dev.llmobs.instrumentation.openai.v2_0;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import com.openai.core.ClientOptions;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.llmobs.genai.GenAiCall;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The SDK's blocking chat-completions service implementation: every client, however it was built
 * (builders, {@code withOptions}, a hand-made {@code OpenAIClientImpl}), ends up here.
 */
public final class ChatCompletionServiceInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("com.openai.services.blocking.chat.ChatCompletionServiceImpl");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("create")
            .and(isPublic())
            .and(takesArguments(2))
            .and(
                takesArgument(
                    0, named("com.openai.models.chat.completions.ChatCompletionCreateParams"))),
        getClass().getName() + "$CreateAdvice");
  }

  @SuppressWarnings("unused")
  public static class CreateAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static GenAiCall onEnter(
        @Advice.Argument(0) ChatCompletionCreateParams params,
        @Advice.FieldValue("clientOptions") ClientOptions clientOptions) {
      return GenAiCall.start(OpenAiChatMapper.request(params, clientOptions, false));
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter GenAiCall call,
        @Advice.Return ChatCompletion completion,
        @Advice.Thrown Throwable error) {
      if (call != null) {
        call.exit(OpenAiChatMapper.response(completion, error), error);
      }
    }
  }
}
