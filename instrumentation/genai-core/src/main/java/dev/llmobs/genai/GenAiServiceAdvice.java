package dev.llmobs.genai;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The one advice of every provider module, applied to the SDK service implementations' call methods
 * (first argument: the params object; the service has a {@code clientOptions} field, as the
 * Stainless-generated SDKs all do). It only hands over to {@link GenAiServiceCalls}. Not a helper:
 * the agent inlines it.
 */
@SuppressWarnings("unused")
public final class GenAiServiceAdvice {

  /** For {@code applyAdviceToMethod}: a name, so the agent's class loader never loads this. */
  public static final String NAME = "dev.llmobs.genai.GenAiServiceAdvice";

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static GenAiCall onEnter(
      @Advice.This Object service,
      @Advice.Argument(0) Object params,
      @Advice.FieldValue(value = "clientOptions", typing = Assigner.Typing.DYNAMIC)
          Object clientOptions,
      @Advice.Origin("#m") String method) {
    return GenAiServiceCalls.start(service, params, clientOptions, method);
  }

  // The result goes back untouched, or wrapped (streams) so the span can see its chunks.
  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static Object onExit(
      @Advice.Enter GenAiCall call,
      @Advice.This Object service,
      @Advice.Argument(0) Object params,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
      @Advice.Thrown Throwable error) {
    return call == null ? result : GenAiServiceCalls.end(call, service, params, result, error);
  }

  private GenAiServiceAdvice() {}
}
