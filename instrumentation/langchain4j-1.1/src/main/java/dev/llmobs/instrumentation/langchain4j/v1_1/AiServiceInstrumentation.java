package dev.llmobs.instrumentation.langchain4j.v1_1;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.implementsInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import java.lang.reflect.Method;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The {@code InvocationHandler.invoke} of LangChain4j's agent proxies: AI Services ({@code
 * DefaultAiServices}' handler) and langchain4j-agentic's agents and workflows. See {@link
 * LangChain4jAgents}.
 */
public final class AiServiceInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed("dev.langchain4j.service.AiServices");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return implementsInterface(named("java.lang.reflect.InvocationHandler"))
        .and(
            nameStartsWith("dev.langchain4j.service.DefaultAiServices$")
                .or(named("dev.langchain4j.agentic.agent.AgentInvocationHandler"))
                .or(named("dev.langchain4j.agentic.internal.PlannerBasedInvocationHandler")));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("invoke")
            .and(isPublic())
            .and(takesArguments(3))
            .and(takesArgument(1, Method.class))
            .and(takesArgument(2, Object[].class)),
        getClass().getName() + "$InvokeAdvice");
  }

  @SuppressWarnings("unused")
  public static final class InvokeAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object onEnter(
        @Advice.This Object handler,
        @Advice.Argument(0) Object proxy,
        @Advice.Argument(1) Method method) {
      return LangChain4jAgents.enter(handler, proxy, method);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(@Advice.Enter Object operation, @Advice.Thrown Throwable error) {
      LangChain4jAgents.exit(operation, error);
    }

    private InvokeAdvice() {}
  }
}
