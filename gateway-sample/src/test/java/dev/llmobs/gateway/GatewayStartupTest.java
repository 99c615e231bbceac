package dev.llmobs.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmobs.gateway.config.GatewayConfig;
import dev.llmobs.gateway.store.StoreException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A configuration the gateway cannot run with stops it at start, with a message that says why. */
class GatewayStartupTest {

  static GatewayConfig config(Map<String, String> options) {
    Map<String, String> all =
        new java.util.HashMap<>(Map.of("gateway.host", "127.0.0.1", "gateway.port", "0"));
    all.putAll(options);
    return GatewayConfig.of(all);
  }

  @Test
  void aRealUpstreamNeedsAKey() {
    assertThatThrownBy(
            () ->
                GatewayMain.start(
                    config(Map.of("gateway.openai.base-url", "http://127.0.0.1:1/v1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gateway.openai.api-key");
  }

  @Test
  void redisNeedsAUrl() {
    assertThatThrownBy(() -> GatewayMain.start(config(Map.of("gateway.store", "redis"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gateway.store.url");
  }

  @Test
  void anUnreachableDatabaseIsAStoreError() {
    assertThatThrownBy(
            () ->
                GatewayMain.start(
                    config(
                        Map.of(
                            "gateway.store",
                            "jdbc",
                            "gateway.store.url",
                            "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1"))))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot connect to the conversation database");
  }
}
