package dev.llmobs.instrumentation.mcp.v1_0;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
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
 * The sessions of both sides: {@code sendRequest} (a client's requests, and a server's requests to
 * its client) gives CLIENT spans; {@code handleIncomingRequest} (the requests a session receives)
 * and, from SDK 2.1, a streamable response stream's {@code handle} give SERVER spans. {@code
 * McpStreamableServerSession.sendRequest} only hands over to its listening stream, which is hooked
 * itself.
 */
public final class McpSessionInstrumentation implements TypeInstrumentation {

  private static final String MONO = "reactor.core.publisher.Mono";
  private static final String JSONRPC_REQUEST =
      "io.modelcontextprotocol.spec.McpSchema$JSONRPCRequest";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf(
        "io.modelcontextprotocol.spec.McpClientSession",
        "io.modelcontextprotocol.spec.McpServerSession",
        "io.modelcontextprotocol.spec.McpStreamableServerSession$McpStreamableServerSessionStream");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isMethod()
            .and(named("sendRequest"))
            .and(takesArguments(3))
            .and(takesArgument(0, String.class))
            .and(returns(named(MONO))),
        getClass().getName() + "$SendRequestAdvice");
    transformer.applyAdviceToMethod(
        isMethod()
            .and(named("handleIncomingRequest"))
            .and(takesArgument(0, named(JSONRPC_REQUEST)))
            .and(returns(named(MONO))),
        getClass().getName() + "$HandleRequestAdvice");
    transformer.applyAdviceToMethod(
        isMethod()
            .and(named("handle"))
            .and(takesArguments(1))
            .and(takesArgument(0, named(JSONRPC_REQUEST)))
            .and(returns(named(MONO))),
        getClass().getName() + "$HandleOnStreamAdvice");
  }

  @SuppressWarnings("unused")
  public static final class SendRequestAdvice {

    @Advice.OnMethodExit(suppress = Throwable.class)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object onExit(
        @Advice.This Object session,
        @Advice.Argument(0) String method,
        @Advice.Argument(1) Object params,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object mono) {
      return McpCalls.sendRequest(session, method, params, mono);
    }

    private SendRequestAdvice() {}
  }

  @SuppressWarnings("unused")
  public static final class HandleRequestAdvice {

    @Advice.OnMethodExit(suppress = Throwable.class)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object onExit(
        @Advice.This Object session,
        @Advice.Argument(0) Object rpcRequest,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object mono) {
      return McpCalls.handleRequest(session, rpcRequest, mono);
    }

    private HandleRequestAdvice() {}
  }

  @SuppressWarnings("unused")
  public static final class HandleOnStreamAdvice {

    @Advice.OnMethodExit(suppress = Throwable.class)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object onExit(
        @Advice.This Object stream,
        @Advice.Argument(0) Object rpcRequest,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object mono) {
      return McpCalls.handleOnStream(stream, rpcRequest, mono);
    }

    private HandleOnStreamAdvice() {}
  }
}
