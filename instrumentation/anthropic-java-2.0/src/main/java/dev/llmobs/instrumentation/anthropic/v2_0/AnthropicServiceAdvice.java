package dev.llmobs.instrumentation.anthropic.v2_0;

import dev.llmobs.genai.stainless.StainlessCalls;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Hands anthropic-java's service calls to the shared Stainless handling. Inlined, never injected.
 */
@SuppressWarnings("unused")
public final class AnthropicServiceAdvice {

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object onEnter(
      @Advice.Origin("#t") String service,
      @Advice.Origin("#m") String method,
      @Advice.Argument(0) Object params,
      @Advice.FieldValue(value = "clientOptions", typing = Assigner.Typing.DYNAMIC)
          Object clientOptions) {
    return StainlessCalls.enter(AnthropicSdk.INSTANCE, service, method, params, clientOptions);
  }

  // The result goes back untouched, or wrapped so that the span sees it.
  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static Object onExit(
      @Advice.Enter Object call,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
      @Advice.Thrown Throwable error) {
    return StainlessCalls.exit(call, result, error);
  }

  private AnthropicServiceAdvice() {}
}
