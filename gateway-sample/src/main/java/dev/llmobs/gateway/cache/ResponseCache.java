package dev.llmobs.gateway.cache;

/**
 * An exact-match cache of whole, successful, non-streaming answers ({@code /v1/chat/completions}
 * and {@code /v1/embeddings} response bodies), keyed by the normalised request.
 */
public interface ResponseCache {

  /** The cached response body for {@code key}, or null on a miss (absent or expired). */
  String lookup(CacheKey key);

  /** Caches {@code responseBody} for {@code key}. */
  void store(CacheKey key, String responseBody);
}
