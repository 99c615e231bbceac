package dev.llmobs.instrumentation.mcp.v1_0;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * A streamable HTTP server session's {@code responseStream(request, transport)}: the request is
 * handled and its response sent through {@code transport}, where the span sees it.
 */
public final class McpStreamableSessionInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("io.modelcontextprotocol.spec.McpStreamableServerSession");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isMethod()
            .and(named("responseStream"))
            .and(takesArguments(2))
            .and(takesArgument(0, named("io.modelcontextprotocol.spec.McpSchema$JSONRPCRequest")))
            .and(returns(named("reactor.core.publisher.Mono"))),
        getClass().getName() + "$ResponseStreamAdvice");
  }

  @SuppressWarnings("unused")
  public static final class ResponseStreamAdvice {

    @Advice.OnMethodExit(suppress = Throwable.class)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object onExit(
        @Advice.This Object session,
        @Advice.Argument(0) Object rpcRequest,
        @Advice.Argument(1) Object transport,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object mono) {
      return McpCalls.handleStreamedRequest(session, rpcRequest, transport, mono);
    }

    private ResponseStreamAdvice() {}
  }
}
