package dev.llmobs.instrumentation.mcp.v1_0;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.implementsInterface;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/** The stateless server's request handler: one SERVER span per request, without a session. */
public final class McpStatelessServerInstrumentation implements TypeInstrumentation {

  private static final String HANDLER = "io.modelcontextprotocol.server.McpStatelessServerHandler";

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed(HANDLER);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return implementsInterface(named(HANDLER)).and(not(isAbstract()));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isMethod()
            .and(named("handleRequest"))
            .and(takesArguments(2))
            .and(takesArgument(1, named("io.modelcontextprotocol.spec.McpSchema$JSONRPCRequest")))
            .and(returns(named("reactor.core.publisher.Mono"))),
        getClass().getName() + "$HandleRequestAdvice");
  }

  @SuppressWarnings("unused")
  public static final class HandleRequestAdvice {

    @Advice.OnMethodExit(suppress = Throwable.class)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object onExit(
        @Advice.Argument(1) Object rpcRequest,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object mono) {
      return McpCalls.handleRequest(null, rpcRequest, mono);
    }

    private HandleRequestAdvice() {}
  }
}
