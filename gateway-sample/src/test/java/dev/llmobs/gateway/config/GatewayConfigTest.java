package dev.llmobs.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

  @Test
  void systemPropertyWinsOverEnvironmentVariableWhichWinsOverDefault() {
    GatewayConfig config =
        new GatewayConfig(
            Map.of("gateway.port", "9000")::get,
            Map.of(
                "GATEWAY_PORT",
                "9001",
                "GATEWAY_UPSTREAM_TIMEOUT_MS",
                "1500",
                "GATEWAY_STORE",
                "JDBC"));

    assertThat(config.port()).isEqualTo(9000);
    assertThat(config.upstreamTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.store()).isEqualTo("jdbc");
    assertThat(config.rateLimitRpm()).isZero();
    assertThat(config.upstreamMaxRetries()).isEqualTo(2);
    assertThat(config.maxRequestBytes()).isEqualTo(1_048_576);
    assertThat(config.host()).isEqualTo("0.0.0.0");
  }

  @Test
  void defaults() {
    GatewayConfig config = GatewayConfig.of(Map.of());
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.store()).isEqualTo("memory");
    assertThat(config.storeUrl()).isNull();
    assertThat(config.openAiBaseUrl()).isNull();
    assertThat(config.anthropicBaseUrl()).isNull();
    assertThat(config.authKeys()).isEmpty();
    assertThat(config.upstreamTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void envNames() {
    assertThat(GatewayConfig.envName("gateway.rate-limit.rpm")).isEqualTo("GATEWAY_RATE_LIMIT_RPM");
    assertThat(GatewayConfig.envName("gateway.anthropic.base-url"))
        .isEqualTo("GATEWAY_ANTHROPIC_BASE_URL");
  }

  @Test
  void authKeysAreACommaSeparatedList() {
    assertThat(GatewayConfig.of(Map.of("gateway.auth.keys", " a, b ,,c ")).authKeys())
        .containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void badValuesAreClearErrors() {
    assertThatThrownBy(() -> GatewayConfig.of(Map.of("gateway.port", "80000")).port())
        .hasMessageContaining("gateway.port=80000");
    assertThatThrownBy(
            () -> GatewayConfig.of(Map.of("gateway.rate-limit.rpm", "-1")).rateLimitRpm())
        .hasMessageContaining("gateway.rate-limit.rpm=-1");
    assertThatThrownBy(() -> GatewayConfig.of(Map.of("gateway.store", "mongo")).store())
        .hasMessageContaining("memory, jdbc or redis");
  }
}
