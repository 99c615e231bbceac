package dev.llmobs.gateway.cache;

import dev.llmobs.gateway.config.GatewayConfig;
import java.time.Duration;
import java.util.Locale;

/** The response cache {@code gateway.cache} asks for. */
public final class ResponseCaches {

  private ResponseCaches() {}

  /** The configured cache, or null when {@code gateway.cache} is {@code off} (the default). */
  public static ResponseCache create(GatewayConfig config) {
    String kind = config.get(GatewayConfig.CACHE, "off").toLowerCase(Locale.ROOT);
    return switch (kind) {
      case "off" -> null;
      case "memory" ->
          new InMemoryResponseCache(
              Duration.ofSeconds(positive(config, GatewayConfig.CACHE_TTL_SECONDS, 300)),
              positive(config, GatewayConfig.CACHE_MAX_ENTRIES, 1000));
      default ->
          throw new IllegalArgumentException(
              GatewayConfig.CACHE + "=" + kind + " must be off or memory");
    };
  }

  private static int positive(GatewayConfig config, String key, int defaultValue) {
    int value = config.getInt(key, defaultValue);
    if (value < 1) {
      throw new IllegalArgumentException(key + "=" + value + " must be at least 1");
    }
    return value;
  }

  public static String describe(GatewayConfig config) {
    return config.get(GatewayConfig.CACHE, "off");
  }
}
