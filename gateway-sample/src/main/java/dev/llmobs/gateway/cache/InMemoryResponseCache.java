package dev.llmobs.gateway.cache;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A {@link ResponseCache} in this JVM: entries live {@code ttl}, past {@code maxEntries} the least
 * recently used entry goes, and a body over {@value #MAX_BODY_CHARS} characters is not kept, so the
 * cache holds at most {@code maxEntries} times that.
 */
public final class InMemoryResponseCache implements ResponseCache {

  /** The largest response body kept (a large embeddings answer is not). */
  public static final int MAX_BODY_CHARS = 256 * 1024;

  private record Entry(String body, long expiresAtNanos) {}

  private final long ttlNanos;
  private final LongSupplier nanoClock;
  private final LinkedHashMap<CacheKey, Entry> entries;

  public InMemoryResponseCache(Duration ttl, int maxEntries) {
    this(ttl, maxEntries, System::nanoTime);
  }

  InMemoryResponseCache(Duration ttl, int maxEntries, LongSupplier nanoClock) {
    if (ttl.isNegative() || ttl.isZero() || maxEntries < 1) {
      throw new IllegalArgumentException("the TTL and the maximum entry count must be positive");
    }
    this.ttlNanos = ttl.toNanos();
    this.nanoClock = nanoClock;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<CacheKey, Entry> eldest) {
            return size() > maxEntries;
          }
        };
  }

  @Override
  public synchronized String lookup(CacheKey key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (nanoClock.getAsLong() - entry.expiresAtNanos() >= 0) {
      entries.remove(key);
      return null;
    }
    return entry.body();
  }

  @Override
  public synchronized void store(CacheKey key, String responseBody) {
    if (responseBody.length() > MAX_BODY_CHARS) {
      return;
    }
    entries.put(key, new Entry(responseBody, nanoClock.getAsLong() + ttlNanos));
  }

  /** Entries held now, expired ones not yet dropped included. */
  public synchronized int size() {
    return entries.size();
  }
}
