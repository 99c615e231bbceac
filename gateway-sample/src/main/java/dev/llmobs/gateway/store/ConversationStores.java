package dev.llmobs.gateway.store;

import dev.llmobs.gateway.config.GatewayConfig;

/** Picks the store named by {@code gateway.store}. */
public final class ConversationStores {

  private ConversationStores() {}

  public static ConversationStore create(GatewayConfig config) {
    String url = config.storeUrl();
    switch (config.store()) {
      case "jdbc":
        return new JdbcConversationStore(url != null ? url : GatewayConfig.DEFAULT_JDBC_URL);
      case "redis":
        if (url == null) {
          throw new IllegalArgumentException(
              GatewayConfig.STORE
                  + "=redis needs "
                  + GatewayConfig.STORE_URL
                  + " (for example redis://127.0.0.1:6379)");
        }
        return new RedisConversationStore(url);
      default:
        return new InMemoryConversationStore();
    }
  }

  /** Where the store keeps data, without credentials, for the start-up log line. */
  public static String describe(GatewayConfig config) {
    String url = config.storeUrl();
    if ("memory".equals(config.store())) {
      return "memory";
    }
    if (url == null) {
      url = GatewayConfig.DEFAULT_JDBC_URL;
    }
    return config.store()
        + " "
        + url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@");
  }
}
