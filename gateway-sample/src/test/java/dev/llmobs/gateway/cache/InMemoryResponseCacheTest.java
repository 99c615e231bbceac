package dev.llmobs.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryResponseCacheTest {

  final AtomicLong now = new AtomicLong();

  static CacheKey key(String prompt) {
    return CacheKey.of(
        "chat", JsonNodeFactory.instance.objectNode().put("prompt", prompt), Map.of());
  }

  @Test
  void aMissIsNullAndAHitIsTheStoredBody() {
    InMemoryResponseCache cache = new InMemoryResponseCache(Duration.ofSeconds(10), 10, now::get);
    assertThat(cache.lookup(key("a"))).isNull();
    cache.store(key("a"), "{\"answer\":1}");
    assertThat(cache.lookup(key("a"))).isEqualTo("{\"answer\":1}");
    assertThat(cache.lookup(key("b"))).isNull();
  }

  @Test
  void entriesExpireAfterTheTtl() {
    InMemoryResponseCache cache = new InMemoryResponseCache(Duration.ofSeconds(10), 10, now::get);
    cache.store(key("a"), "x");
    now.set(Duration.ofSeconds(10).toNanos() - 1);
    assertThat(cache.lookup(key("a"))).isEqualTo("x");
    now.set(Duration.ofSeconds(10).toNanos());
    assertThat(cache.lookup(key("a"))).isNull();
    assertThat(cache.size()).isZero();
  }

  @Test
  void theLeastRecentlyUsedEntryGoesPastTheMaximum() {
    InMemoryResponseCache cache = new InMemoryResponseCache(Duration.ofSeconds(10), 2, now::get);
    cache.store(key("a"), "a");
    cache.store(key("b"), "b");
    cache.lookup(key("a"));
    cache.store(key("c"), "c");
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.lookup(key("b"))).isNull();
    assertThat(cache.lookup(key("a"))).isEqualTo("a");
    assertThat(cache.lookup(key("c"))).isEqualTo("c");
  }

  @Test
  void aHugeBodyIsNotKept() {
    InMemoryResponseCache cache = new InMemoryResponseCache(Duration.ofSeconds(10), 2, now::get);
    cache.store(key("a"), "x".repeat(InMemoryResponseCache.MAX_BODY_CHARS + 1));
    assertThat(cache.lookup(key("a"))).isNull();
  }

  @Test
  void nonsenseLimitsAreRefused() {
    assertThatThrownBy(() -> new InMemoryResponseCache(Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InMemoryResponseCache(Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
