package dev.llmobs.cost.usage;

import dev.llmobs.genai.GenAiFailures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands usage events to the sinks off the application's threads: {@link #offer} only enqueues into
 * a bounded queue (a full queue drops the event and counts it), and one daemon thread builds the
 * events and fans them out to every sink, in batches: it wakes every {@link #DELAY_MILLIS} ms, or
 * as soon as a batch is full, never once per event (waking a thread per call showed in the per-call
 * profiles). A sink's failure is logged once per sink and goes no further.
 */
public final class UsageEventDispatcher {

  /** Names failures to build or deliver usage events in llmobs.instrumentation.failures. */
  static final String MODULE = "genai-cost";

  private static final Logger logger = Logger.getLogger(UsageEventDispatcher.class.getName());
  private static final int BATCH = 256;

  /** The longest an event waits in the queue when fewer than a batch are pending. */
  static final long DELAY_MILLIS = 200;

  private final List<GuardedSink> sinks;
  private final BlockingQueue<Supplier<UsageEvent>> queue;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong offered = new AtomicLong();
  private final AtomicLong handled = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread worker;

  public UsageEventDispatcher(List<UsageSink> sinks, int capacity) {
    List<GuardedSink> guarded = new ArrayList<>();
    for (UsageSink sink : sinks) {
      guarded.add(new GuardedSink(sink));
    }
    this.sinks = Collections.unmodifiableList(guarded);
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.worker = new Thread(this::drainLoop, "llmobs-usage-events");
    worker.setDaemon(true);
    worker.start();
  }

  /**
   * Enqueues one event, built later on the dispatcher's thread. Never blocks; returns false and
   * counts a drop when the queue is full or the dispatcher is closed.
   */
  public boolean offer(Supplier<UsageEvent> event) {
    if (closed.get() || !queue.offer(event)) {
      dropped.incrementAndGet();
      return false;
    }
    if (offered.incrementAndGet() - handled.get() >= BATCH) {
      LockSupport.unpark(worker);
    }
    return true;
  }

  /** Events dropped because the queue was full (or the dispatcher closed). */
  public long droppedCount() {
    return dropped.get();
  }

  public int sinkCount() {
    return sinks.size();
  }

  /** Waits until every event offered so far reached the sinks, at most {@code timeoutMillis}. */
  public boolean flush(long timeoutMillis) {
    long target = offered.get();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (handled.get() < target) {
      if (System.nanoTime() > deadline || !worker.isAlive()) {
        return false;
      }
      LockSupport.unpark(worker);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** Delivers what is queued (at most {@code timeoutMillis}), then closes the sinks. */
  public void close(long timeoutMillis) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    flush(timeoutMillis);
    worker.interrupt();
    try {
      worker.join(Math.max(1, timeoutMillis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (GuardedSink sink : sinks) {
      sink.close();
    }
  }

  private void drainLoop() {
    List<Supplier<UsageEvent>> batch = new ArrayList<>(BATCH);
    long delayNanos = TimeUnit.MILLISECONDS.toNanos(DELAY_MILLIS);
    while (true) {
      queue.drainTo(batch, BATCH);
      if (batch.isEmpty()) {
        // close() interrupts once it has flushed what was queued.
        if (Thread.interrupted() && closed.get()) {
          return;
        }
        LockSupport.parkNanos(this, delayNanos);
        continue;
      }
      for (Supplier<UsageEvent> pending : batch) {
        deliver(pending);
      }
      for (GuardedSink sink : sinks) {
        sink.flush();
      }
      handled.addAndGet(batch.size());
      batch.clear();
    }
  }

  private void deliver(Supplier<UsageEvent> pending) {
    UsageEvent event;
    try {
      event = pending.get();
    } catch (Throwable t) {
      GenAiFailures.record(MODULE, t);
      return;
    }
    if (event == null) {
      return;
    }
    for (GuardedSink sink : sinks) {
      sink.accept(event);
    }
  }

  /** A sink whose failures are logged once and never propagate. */
  private static final class GuardedSink {
    private final UsageSink sink;
    private final AtomicBoolean failureLogged = new AtomicBoolean();

    GuardedSink(UsageSink sink) {
      this.sink = sink;
    }

    void accept(UsageEvent event) {
      try {
        sink.accept(event);
      } catch (Throwable t) {
        failed("failed on a usage event", t);
      }
    }

    void flush() {
      try {
        sink.flush();
      } catch (Throwable t) {
        failed("failed to flush", t);
      }
    }

    void close() {
      try {
        sink.close();
      } catch (Throwable t) {
        failed("failed to close", t);
      }
    }

    private void failed(String what, Throwable t) {
      GenAiFailures.count(MODULE);
      if (failureLogged.compareAndSet(false, true)) {
        logger.log(
            Level.WARNING,
            "llmobs: usage sink "
                + sink.getClass().getName()
                + " "
                + what
                + " (logged once; later failures of this sink are not logged)",
            t);
      }
    }
  }
}
