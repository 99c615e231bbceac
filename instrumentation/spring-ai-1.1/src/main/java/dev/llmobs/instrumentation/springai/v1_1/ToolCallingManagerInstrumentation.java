package dev.llmobs.instrumentation.springai.v1_1;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.implementsInterface;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code ToolCallingManager.executeToolCalls(Prompt, ChatResponse)} of every implementation: where
 * the tool calls of one model response run, the ids the tool callbacks are matched to, and on the
 * 1.1 line where a model's internal tool loop is cut into round trips. See {@link SpringAiTools}
 * and {@link SpringAiRounds}.
 */
public final class ToolCallingManagerInstrumentation implements TypeInstrumentation {

  private static final String TOOL_CALLING_MANAGER =
      "org.springframework.ai.model.tool.ToolCallingManager";

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed(TOOL_CALLING_MANAGER);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface()).and(implementsInterface(named(TOOL_CALLING_MANAGER)));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isMethod()
            .and(named("executeToolCalls"))
            .and(not(isAbstract()))
            .and(takesArguments(2))
            .and(takesArgument(0, named("org.springframework.ai.chat.prompt.Prompt")))
            .and(takesArgument(1, named("org.springframework.ai.chat.model.ChatResponse"))),
        getClass().getName() + "$ExecuteAdvice");
  }

  @SuppressWarnings("unused")
  public static final class ExecuteAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object onEnter(
        @Advice.Argument(0) Object prompt, @Advice.Argument(1) Object response) {
      return SpringAiTools.beforeTools(prompt, response);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter Object state,
        @Advice.Argument(0) Object prompt,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
        @Advice.Thrown Throwable error) {
      SpringAiTools.afterTools(state, prompt, result, error);
    }

    private ExecuteAdvice() {}
  }
}
