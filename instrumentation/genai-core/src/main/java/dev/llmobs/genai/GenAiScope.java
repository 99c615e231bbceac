package dev.llmobs.genai;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * A context made current on the thread that started a call or operation, closed on that thread only
 * (a scope belongs to its thread; elsewhere closing is a no-op) and at most once.
 */
final class GenAiScope {

  private Scope scope;
  private Thread thread;

  /** Makes {@code context} current on this thread. */
  static GenAiScope enter(Context context) {
    GenAiScope result = new GenAiScope();
    result.scope = context.makeCurrent();
    result.thread = Thread.currentThread();
    return result;
  }

  /** Leaves the scope when on its thread; a failure is {@code module}'s, never thrown. */
  void close(String module) {
    if (Thread.currentThread() != thread) {
      return;
    }
    Scope current = scope;
    scope = null;
    thread = null;
    if (current != null) {
      try {
        current.close();
      } catch (Throwable t) {
        GenAiFailures.record(module, t);
      }
    }
  }
}
