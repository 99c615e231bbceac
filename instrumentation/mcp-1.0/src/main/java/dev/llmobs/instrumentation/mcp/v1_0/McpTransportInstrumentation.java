package dev.llmobs.instrumentation.mcp.v1_0;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.implementsInterface;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every MCP transport's {@code sendMessage}: where a request leaves (its id, the network, the trace
 * context into {@code _meta}) and a streamable HTTP server's response passes.
 */
public final class McpTransportInstrumentation implements TypeInstrumentation {

  private static final String TRANSPORT = "io.modelcontextprotocol.spec.McpTransport";

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed(TRANSPORT);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return implementsInterface(named(TRANSPORT)).and(not(isAbstract()));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isMethod()
            .and(named("sendMessage"))
            .and(not(isAbstract()))
            .and(takesArgument(0, named("io.modelcontextprotocol.spec.McpSchema$JSONRPCMessage"))),
        getClass().getName() + "$SendMessageAdvice");
  }

  @SuppressWarnings("unused")
  public static final class SendMessageAdvice {

    // The message goes on as it came, or as a copy with trace context in its _meta.
    @Advice.OnMethodEnter(suppress = Throwable.class)
    @Advice.AssignReturned.ToArguments(
        @Advice.AssignReturned.ToArguments.ToArgument(value = 0, typing = Assigner.Typing.DYNAMIC))
    public static Object onEnter(
        @Advice.This Object transport,
        @Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object message) {
      return McpCalls.send(transport, message);
    }

    private SendMessageAdvice() {}
  }
}
