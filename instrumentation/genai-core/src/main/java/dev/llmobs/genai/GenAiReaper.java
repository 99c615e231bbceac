package dev.llmobs.genai;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Ends the spans the application abandoned, so that every started span ends and {@code
 * gen_ai.client.active_requests} returns to its level within a bounded time. What is watched is the
 * object the application holds for a call still open (a stream, a raw response not yet parsed):
 * when the garbage collector finds it unreachable, or when it has seen no activity for longer than
 * {@code otel.instrumentation.genai.stream.idle-timeout}, its call ends with {@code
 * error.type=abandoned} and what was seen so far. One daemon thread per class loader, started with
 * the first watched object; the set it watches holds only calls still open.
 */
final class GenAiReaper {

  /** A call still open, seen from the reaper. */
  interface Pending {
    long lastActivityNanos();

    /** Ends the call as abandoned; a no-op when it has ended. */
    void abandon();
  }

  private static final ReferenceQueue<Object> unreachable = new ReferenceQueue<>();
  private static final Set<Entry> open = ConcurrentHashMap.newKeySet();
  private static volatile Thread thread;
  private static volatile long idleTimeoutNanos = -1;

  /**
   * Watches {@code holder}, the object the application keeps while the call is open; {@code
   * pending} must not reference it. Returns the token for {@link #untrack}.
   */
  static Object track(Object holder, Pending pending) {
    Entry entry = new Entry(holder, pending);
    open.add(entry);
    if (thread == null) {
      startThread();
    }
    return entry;
  }

  static void untrack(Object token) {
    if (token != null && open.remove(token)) {
      ((Entry) token).clear();
    }
  }

  /** Abandons the watched calls idle for longer than the limit. */
  static void endIdle(long nowNanos) {
    long limit = idleTimeoutNanos();
    for (Entry entry : open) {
      if (nowNanos - entry.pending.lastActivityNanos() > limit && open.remove(entry)) {
        entry.pending.abandon();
      }
    }
  }

  private static long idleTimeoutNanos() {
    long result = idleTimeoutNanos;
    if (result < 0) {
      result = TimeUnit.MILLISECONDS.toNanos(GenAiConfig.fromAgent().streamIdleTimeoutMillis());
      idleTimeoutNanos = result;
    }
    return result;
  }

  private static synchronized void startThread() {
    if (thread != null) {
      return;
    }
    Thread reaper = new Thread(GenAiReaper::run, "llmobs-reaper");
    reaper.setDaemon(true);
    reaper.setContextClassLoader(null);
    reaper.start();
    thread = reaper;
  }

  private static void run() {
    try (Scope ignored = Context.root().makeCurrent()) {
      long idleMillis = TimeUnit.NANOSECONDS.toMillis(idleTimeoutNanos());
      long pollMillis = Math.max(10, Math.min(1000, idleMillis / 4));
      while (true) {
        try {
          Reference<?> reference = unreachable.remove(pollMillis);
          while (reference != null) {
            Entry entry = (Entry) reference;
            if (open.remove(entry)) {
              entry.pending.abandon();
            }
            reference = unreachable.poll();
          }
          endIdle(System.nanoTime());
        } catch (InterruptedException e) {
          return;
        } catch (Throwable t) {
          GenAiFailures.record(GenAiFailures.CORE, t);
        }
      }
    }
  }

  private static final class Entry extends PhantomReference<Object> {
    final Pending pending;

    Entry(Object holder, Pending pending) {
      super(holder, unreachable);
      this.pending = pending;
    }
  }

  private GenAiReaper() {}
}
