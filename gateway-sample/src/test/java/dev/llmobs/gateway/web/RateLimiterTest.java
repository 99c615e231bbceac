package dev.llmobs.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  final AtomicLong now = new AtomicLong();
  final RateLimiter limiter = new RateLimiter(60, now::get);

  @Test
  void allowsABurstOfRpmThenAsksToWait() {
    for (int i = 0; i < 60; i++) {
      assertThat(limiter.tryAcquire("a")).isZero();
    }
    assertThat(limiter.tryAcquire("a")).isEqualTo(1);
    assertThat(limiter.tryAcquire("b")).isZero();
  }

  @Test
  void refillsContinuously() {
    for (int i = 0; i < 60; i++) {
      limiter.tryAcquire("a");
    }
    now.addAndGet(1_000_000_000L);
    assertThat(limiter.tryAcquire("a")).isZero();
    assertThat(limiter.tryAcquire("a")).isEqualTo(1);
    now.addAndGet(3_600_000_000_000L);
    for (int i = 0; i < 60; i++) {
      assertThat(limiter.tryAcquire("a")).isZero();
    }
    assertThat(limiter.tryAcquire("a")).isPositive();
  }
}
