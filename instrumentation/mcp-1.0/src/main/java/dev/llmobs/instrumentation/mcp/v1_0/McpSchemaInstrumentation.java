package dev.llmobs.instrumentation.mcp.v1_0;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code McpSchema.deserializeJsonRpcMessage}: the id of an initialize request read by a streamable
 * HTTP server, which its session factory does not get.
 */
public final class McpSchemaInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("io.modelcontextprotocol.spec.McpSchema");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isMethod().and(isStatic()).and(named("deserializeJsonRpcMessage")),
        getClass().getName() + "$DeserializeAdvice");
  }

  @SuppressWarnings("unused")
  public static final class DeserializeAdvice {

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void onExit(@Advice.Return(typing = Assigner.Typing.DYNAMIC) Object message) {
      McpCalls.deserialized(message);
    }

    private DeserializeAdvice() {}
  }
}
