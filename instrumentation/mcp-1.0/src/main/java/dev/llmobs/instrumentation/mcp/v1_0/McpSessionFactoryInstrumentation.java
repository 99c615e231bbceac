package dev.llmobs.instrumentation.mcp.v1_0;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.implementsInterface;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * A streamable HTTP server's session factory: the initialize request never reaches a session's
 * request handling, so its SERVER span follows the initialize result the factory returns.
 */
public final class McpSessionFactoryInstrumentation implements TypeInstrumentation {

  private static final String FACTORY =
      "io.modelcontextprotocol.spec.McpStreamableServerSession$Factory";

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed(FACTORY);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return implementsInterface(named(FACTORY)).and(not(isAbstract()));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isMethod().and(named("startSession")).and(takesArguments(1)),
        getClass().getName() + "$StartSessionAdvice");
  }

  @SuppressWarnings("unused")
  public static final class StartSessionAdvice {

    @Advice.OnMethodExit(suppress = Throwable.class)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object onExit(
        @Advice.Argument(0) Object initializeRequest,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object sessionInit) {
      return McpCalls.sessionStarted(initializeRequest, sessionInit);
    }

    private StartSessionAdvice() {}
  }
}
