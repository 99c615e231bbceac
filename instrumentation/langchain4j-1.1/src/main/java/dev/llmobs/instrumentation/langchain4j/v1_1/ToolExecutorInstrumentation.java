package dev.llmobs.instrumentation.langchain4j.v1_1;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * {@code ToolExecutor.execute(ToolExecutionRequest, Object)} and {@code
 * executeWithContext(ToolExecutionRequest, InvocationContext)} of every executor, the interface's
 * default method included. See {@link LangChain4jTools}.
 */
public final class ToolExecutorInstrumentation extends ImplementationsOf {

  static final String TOOL_EXECUTOR = "dev.langchain4j.service.tool.ToolExecutor";

  public ToolExecutorInstrumentation() {
    super(TOOL_EXECUTOR);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isMethod()
            .and(namedOneOf("execute", "executeWithContext"))
            .and(not(isAbstract()))
            .and(takesArguments(2))
            .and(takesArgument(0, named("dev.langchain4j.agent.tool.ToolExecutionRequest"))),
        getClass().getName() + "$ExecuteAdvice");
  }

  @SuppressWarnings("unused")
  public static final class ExecuteAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object onEnter(@Advice.Argument(0) Object request) {
      return LangChain4jTools.enter(request);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter Object operation,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
        @Advice.Thrown Throwable error) {
      LangChain4jTools.exit(operation, result, error);
    }

    private ExecuteAdvice() {}
  }
}
