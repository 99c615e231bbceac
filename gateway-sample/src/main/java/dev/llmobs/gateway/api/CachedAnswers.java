package dev.llmobs.gateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmobs.gateway.cache.CacheKey;
import dev.llmobs.gateway.cache.ResponseCache;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A whole JSON answer through the response cache, when one is configured: a hit answers without
 * calling the provider; a miss calls it and keeps its answer. {@code X-Cache} says which.
 */
final class CachedAnswers {

  static final String HEADER = "X-Cache";

  private final ResponseCache cache;

  /** {@code cache} null: no caching, and no lookups. */
  CachedAnswers(ResponseCache cache) {
    this.cache = cache;
  }

  void answer(
      Context ctx,
      String operation,
      ObjectNode request,
      Map<String, String> upstreamHeaders,
      Supplier<String> call) {
    if (cache == null) {
      ChatCompletionsRoute.json(ctx, call.get());
      return;
    }
    CacheKey key = CacheKey.of(operation, request, upstreamHeaders);
    String cached = cache.lookup(key);
    if (cached != null) {
      ctx.header(HEADER, "HIT");
      ChatCompletionsRoute.json(ctx, cached);
      return;
    }
    String body = call.get();
    cache.store(key, body);
    ctx.header(HEADER, "MISS");
    ChatCompletionsRoute.json(ctx, body);
  }
}
