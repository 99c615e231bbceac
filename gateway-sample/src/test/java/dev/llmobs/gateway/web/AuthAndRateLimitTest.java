package dev.llmobs.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmobs.gateway.RunningGateway;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthAndRateLimitTest {

  static final String BODY =
      "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"auth\"}]}";

  static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway =
        RunningGateway.start(
            Map.of("gateway.auth.keys", "key-one, key-two", "gateway.rate-limit.rpm", "3"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void missingKeyIs401() {
    HttpResponse<String> response = gateway.post("/v1/chat/completions", BODY);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(RunningGateway.error(response).path("code").asText()).isEqualTo("missing_api_key");
  }

  @Test
  void wrongKeyIs401AndIsNotEchoed() {
    HttpResponse<String> response =
        gateway.post("/v1/chat/completions", BODY, "Authorization", "Bearer key-three");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(RunningGateway.error(response).path("code").asText()).isEqualTo("invalid_api_key");
    assertThat(response.body()).doesNotContain("key-three");
  }

  @Test
  void healthAndMetricsNeedNoKey() {
    assertThat(gateway.get("/health").statusCode()).isEqualTo(200);
    assertThat(gateway.get("/metrics").statusCode()).isEqualTo(200);
  }

  @Test
  void eachKeyHasItsOwnLimitAndTheFourthRequestInAMinuteIs429() {
    for (int i = 0; i < 3; i++) {
      assertThat(
              gateway
                  .post("/v1/chat/completions", BODY, "Authorization", "Bearer key-one")
                  .statusCode())
          .isEqualTo(200);
    }
    HttpResponse<String> limited =
        gateway.post("/v1/chat/completions", BODY, "Authorization", "Bearer key-one");
    assertThat(limited.statusCode()).isEqualTo(429);
    JsonNode error = RunningGateway.error(limited);
    assertThat(error.path("type").asText()).isEqualTo("rate_limit_error");
    assertThat(error.path("code").asText()).isEqualTo("rate_limit_exceeded");
    // 3 a minute refill one every 20 s
    assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong))
        .hasValueSatisfying(s -> assertThat(s).isBetween(1L, 20L));

    assertThat(gateway.get("/v1/models", "Authorization", "Bearer key-two").statusCode())
        .isEqualTo(200);
  }
}
