package dev.llmobs.gateway.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client key: {@code rpm} requests a minute, refilled continuously, bursts up to
 * {@code rpm}.
 */
public final class RateLimiter {

  private static final double NANOS_PER_MINUTE = 60e9;

  private final int rpm;
  private final LongSupplier nanoClock;
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(int rpm) {
    this(rpm, System::nanoTime);
  }

  RateLimiter(int rpm, LongSupplier nanoClock) {
    if (rpm <= 0) {
      throw new IllegalArgumentException("rpm must be positive");
    }
    this.rpm = rpm;
    this.nanoClock = nanoClock;
  }

  /** Takes one request from the key's bucket: 0 if allowed, else whole seconds until one is. */
  public long tryAcquire(String key) {
    return buckets
        .computeIfAbsent(key, k -> new Bucket(rpm, nanoClock.getAsLong()))
        .take(rpm, nanoClock.getAsLong());
  }

  private static final class Bucket {
    private double tokens;
    private long last;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.last = now;
    }

    synchronized long take(int rpm, long now) {
      tokens = Math.min(rpm, tokens + (now - last) * rpm / NANOS_PER_MINUTE);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      double secondsToOne = (1 - tokens) * 60.0 / rpm;
      return Math.max(1, (long) Math.ceil(secondsToOne));
    }
  }
}
