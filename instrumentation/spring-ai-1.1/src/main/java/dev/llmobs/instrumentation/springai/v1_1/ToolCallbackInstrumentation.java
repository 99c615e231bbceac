package dev.llmobs.instrumentation.springai.v1_1;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.implementsInterface;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code call(String)} and {@code call(String, ToolContext)} of Spring AI's {@code ToolCallback}:
 * every implementation, and the interface's default method. See {@link SpringAiTools}.
 */
public final class ToolCallbackInstrumentation implements TypeInstrumentation {

  private static final String TOOL_CALLBACK = "org.springframework.ai.tool.ToolCallback";

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed(TOOL_CALLBACK);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return implementsInterface(named(TOOL_CALLBACK));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isMethod()
            .and(named("call"))
            .and(not(isAbstract()))
            .and(takesArgument(0, String.class))
            .and(returns(String.class)),
        getClass().getName() + "$CallAdvice");
  }

  @SuppressWarnings("unused")
  public static final class CallAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object onEnter(@Advice.This Object callback, @Advice.Argument(0) String input) {
      return SpringAiTools.enter(callback, input);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter Object operation,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
        @Advice.Thrown Throwable error) {
      SpringAiTools.exit(operation, result, error);
    }

    private CallAdvice() {}
  }
}
