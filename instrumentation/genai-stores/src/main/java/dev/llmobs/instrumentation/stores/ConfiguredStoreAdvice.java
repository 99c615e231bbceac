package dev.llmobs.instrumentation.stores;

import dev.llmobs.genai.stores.StoreCall;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Inlined into each method of a configured store that is a store operation. */
public final class ConfiguredStoreAdvice {

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static StoreCall onEnter(
      @Advice.This Object store,
      @Advice.Origin("#m") String method,
      @Advice.AllArguments Object[] args) {
    return ConfiguredStores.start(store, method, args);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void onExit(
      @Advice.Enter StoreCall call,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
      @Advice.Thrown Throwable error) {
    if (call != null) {
      call.end(result, error);
    }
  }

  private ConfiguredStoreAdvice() {}
}
