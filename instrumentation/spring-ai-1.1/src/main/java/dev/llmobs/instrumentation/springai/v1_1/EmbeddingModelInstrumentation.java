package dev.llmobs.instrumentation.springai.v1_1;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.implementsInterface;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.llmobs.genai.GenAiCall;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code call(EmbeddingRequest)} of every class implementing Spring AI's {@code EmbeddingModel}.
 */
public final class EmbeddingModelInstrumentation implements TypeInstrumentation {

  private static final String EMBEDDING_MODEL = "org.springframework.ai.embedding.EmbeddingModel";

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed(EMBEDDING_MODEL);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface()).and(implementsInterface(named(EMBEDDING_MODEL)));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isPublic()
            .and(not(isAbstract()))
            .and(named("call"))
            .and(takesArguments(1))
            .and(takesArgument(0, named("org.springframework.ai.embedding.EmbeddingRequest"))),
        EmbeddingModelInstrumentation.class.getName() + "$CallAdvice");
  }

  @SuppressWarnings("unused")
  public static final class CallAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static GenAiCall onEnter(@Advice.This Object model, @Advice.Argument(0) Object request) {
      return SpringAiEmbeddings.start(model, request);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter GenAiCall call,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
        @Advice.Thrown Throwable error) {
      SpringAiEmbeddings.end(call, result, error);
    }

    private CallAdvice() {}
  }
}
