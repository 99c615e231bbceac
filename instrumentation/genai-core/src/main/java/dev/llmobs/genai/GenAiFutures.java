package dev.llmobs.genai;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * Upstream's {@code CompletableFutureWrapper} pattern: the caller gets a new future, completed
 * inside the caller's context, so that its callbacks never run inside the call's span.
 */
final class GenAiFutures {

  /**
   * A future that completes like {@code source}, with the value {@code onCompletion} returns (it
   * runs first, on the completing thread: the place to end the span), completed inside {@code
   * context}. Cancelling the returned future cancels {@code source}, and a cancelled {@code source}
   * cancels the returned one.
   */
  static <R> CompletableFuture<R> completeInContext(
      CompletableFuture<R> source,
      final Context context,
      final BiFunction<? super R, Throwable, ? extends R> onCompletion,
      final String module) {
    final CompletableFuture<R> result = new CompletableFuture<>();
    result.whenComplete(
        (ignored, error) -> {
          if (result.isCancelled()) {
            source.cancel(false);
          }
        });
    source.whenComplete(
        (value, error) -> {
          R completed = value;
          try {
            completed = onCompletion.apply(value, error);
          } catch (Throwable t) {
            GenAiFailures.record(module, t);
          }
          try (Scope ignored = context.makeCurrent()) {
            if (error != null) {
              result.completeExceptionally(error);
            } else {
              result.complete(completed);
            }
          }
        });
    return result;
  }

  private GenAiFutures() {}
}
