package dev.llmobs.gateway.web;

import dev.llmobs.gateway.wire.OpenAiError;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

/**
 * Client authentication ({@code Authorization: Bearer <key>} against the configured keys; off when
 * none are configured) and the per-key rate limit, wrapped around each API route so that the route
 * template still labels rejected requests.
 */
public final class ApiGuard {

  private static final String BEARER = "Bearer ";

  private final List<byte[]> keys;
  private final RateLimiter limiter;

  public ApiGuard(Set<String> keys, int rateLimitRpm) {
    this.keys = keys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    this.limiter = rateLimitRpm > 0 ? new RateLimiter(rateLimitRpm) : null;
  }

  public Handler wrap(Handler route) {
    return ctx -> {
      String client = authenticate(ctx);
      if (limiter != null) {
        long retryAfter = limiter.tryAcquire(client);
        if (retryAfter > 0) {
          throw new OpenAiError(
              429,
              "Rate limit reached for this API key; retry after " + retryAfter + " s.",
              "rate_limit_error",
              null,
              "rate_limit_exceeded",
              retryAfter);
        }
      }
      route.handle(ctx);
    };
  }

  /** The client's rate-limit key: its API key, or its address when authentication is off. */
  private String authenticate(Context ctx) {
    if (keys.isEmpty()) {
      return "ip:" + ctx.ip();
    }
    String header = ctx.header("Authorization");
    if (header == null || !header.startsWith(BEARER) || header.length() == BEARER.length()) {
      throw new OpenAiError(
          401,
          "You didn't provide an API key. Send it as 'Authorization: Bearer YOUR_KEY'.",
          "invalid_request_error",
          null,
          "missing_api_key");
    }
    byte[] presented = header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
    boolean known = false;
    for (byte[] key : keys) {
      // Constant time, and no early exit, so timing does not reveal which key nearly matched.
      known |= MessageDigest.isEqual(key, presented);
    }
    if (!known) {
      throw new OpenAiError(
          401, "Incorrect API key provided.", "invalid_request_error", null, "invalid_api_key");
    }
    return "key:" + new String(presented, StandardCharsets.UTF_8);
  }
}
