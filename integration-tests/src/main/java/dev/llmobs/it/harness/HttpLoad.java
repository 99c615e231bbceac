package dev.llmobs.it.harness;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop HTTP load: {@code concurrency} workers, each sending its next request as soon as the
 * previous one is answered (after an optional pause), over one HTTP/1.1 client, so at most {@code
 * concurrency} connections are open. Runs a fixed number of requests or until a deadline.
 */
public final class HttpLoad {

  /** One request of the load, by its index; returns {@code null} on success, else what failed. */
  @FunctionalInterface
  public interface Call {
    String send(HttpClient http, int index) throws Exception;
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final int concurrency;
  private final Duration pause;

  public HttpLoad(int concurrency) {
    this(concurrency, Duration.ZERO);
  }

  /** {@code pause}: how long each worker waits between its requests (paced, steady load). */
  public HttpLoad(int concurrency, Duration pause) {
    this.concurrency = concurrency;
    this.pause = pause;
  }

  /** Exactly {@code requests} calls, indexes {@code 0..requests-1}. */
  public Result run(int requests, Call call) throws Exception {
    return run(requests, Long.MAX_VALUE, call);
  }

  /** Calls until {@code duration} has passed (calls already sent finish). */
  public Result runFor(Duration duration, Call call) throws Exception {
    return run(Integer.MAX_VALUE, System.nanoTime() + duration.toNanos(), call);
  }

  private Result run(int requests, long deadlineNanos, Call call) throws Exception {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    AtomicLong failed = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    long start = System.nanoTime();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < concurrency; w++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < requests && System.nanoTime() < deadlineNanos;
                      i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    String failure;
                    try {
                      failure = call.send(http, i);
                    } catch (Exception e) {
                      failure = e.toString();
                    }
                    latencies.add(System.nanoTime() - t0);
                    if (failure != null && failed.incrementAndGet() <= 10) {
                      failures.add("request " + i + ": " + failure);
                    }
                    if (!pause.isZero()) {
                      Thread.sleep(pause.toMillis());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Result(sorted, failed.get(), List.copyOf(failures), System.nanoTime() - start);
  }

  /** What a run did: latencies sorted ascending, failures (the first ten described). */
  public record Result(
      long[] sortedLatencyNanos, long failures, List<String> firstFailures, long wallNanos) {

    public int requests() {
      return sortedLatencyNanos.length;
    }

    public double requestsPerSecond() {
      return requests() / (wallNanos / 1e9);
    }

    /** The latency at quantile {@code q} (0.5 for the median), in milliseconds. */
    public double latencyMillis(double q) {
      if (sortedLatencyNanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(q * sortedLatencyNanos.length) - 1;
      return sortedLatencyNanos[Math.max(0, Math.min(sortedLatencyNanos.length - 1, index))] / 1e6;
    }

    @Override
    public String toString() {
      return String.format(
          "%d requests, %d failed, %.0f req/s, p50 %.2f ms, p99 %.2f ms%s",
          requests(),
          failures,
          requestsPerSecond(),
          latencyMillis(0.5),
          latencyMillis(0.99),
          firstFailures.isEmpty() ? "" : ", first failures " + firstFailures);
    }
  }
}
