package dev.llmobs.instrumentation.langchain4j.v1_1;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code DefaultToolExecutor}'s private {@code execute(Object[])}, where the {@code @Tool} method
 * is invoked: its failure, which the executor turns into an error result for the model, is the tool
 * span's error.
 */
public final class DefaultToolExecutorInstrumentation implements TypeInstrumentation {

  static final String DEFAULT_TOOL_EXECUTOR = "dev.langchain4j.service.tool.DefaultToolExecutor";

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed(DEFAULT_TOOL_EXECUTOR);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(DEFAULT_TOOL_EXECUTOR);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("execute").and(isPrivate()).and(takesArguments(Object[].class)),
        getClass().getName() + "$InvokeToolAdvice");
  }

  @SuppressWarnings("unused")
  public static final class InvokeToolAdvice {

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(@Advice.Thrown Throwable error) {
      LangChain4jTools.toolMethodFailed(error);
    }

    private InvokeToolAdvice() {}
  }
}
