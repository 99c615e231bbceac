package dev.llmobs.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmobs.gateway.RunningGateway;
import dev.llmobs.gateway.config.GatewayConfig;
import dev.llmobs.gateway.simulator.UpstreamSimulator;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * gateway.cache=memory against a simulator the test owns, so that it can count what reaches the
 * provider.
 */
class ResponseCacheTest {

  static UpstreamSimulator simulator;
  static RunningGateway gateway;

  @BeforeAll
  static void start() throws IOException {
    simulator = UpstreamSimulator.start(0);
    gateway = RunningGateway.start(upstreams(Map.of(GatewayConfig.CACHE, "memory")));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    simulator.close();
  }

  static Map<String, String> upstreams(Map<String, String> options) {
    Map<String, String> all = new HashMap<>(options);
    all.put(GatewayConfig.OPENAI_BASE_URL, simulator.baseUrl());
    all.put(GatewayConfig.OPENAI_API_KEY, "k");
    all.put(GatewayConfig.ANTHROPIC_BASE_URL, simulator.anthropicBaseUrl());
    all.put(GatewayConfig.ANTHROPIC_API_KEY, "k");
    all.put(GatewayConfig.GEMINI_BASE_URL, simulator.geminiBaseUrl());
    all.put(GatewayConfig.GEMINI_API_KEY, "k");
    return all;
  }

  @ParameterizedTest
  @ValueSource(strings = {"gpt-4o-mini", "claude-haiku-4-5", "gemini-2.0-flash"})
  void aRepeatedChatIsAnsweredFromTheCacheWithoutCallingTheProvider(String model) {
    String first =
        "{\"model\":\""
            + model
            + "\",\"temperature\":1,\"user\":\"a\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"cache me\"}]}";
    String reordered =
        "{\"messages\":[{\"content\":\"cache me\",\"role\":\"user\"}],\"user\":\"b\","
            + "\"temperature\":1.0,\"model\":\""
            + model
            + "\"}";
    HttpResponse<String> miss = gateway.post("/v1/chat/completions", first);
    long upstreamCalls = simulator.requests();
    HttpResponse<String> hit = gateway.post("/v1/chat/completions", reordered);

    assertThat(miss.statusCode()).isEqualTo(200);
    assertThat(miss.headers().firstValue("X-Cache")).hasValue("MISS");
    assertThat(hit.statusCode()).isEqualTo(200);
    assertThat(hit.headers().firstValue("X-Cache")).hasValue("HIT");
    assertThat(hit.body()).isEqualTo(miss.body());
    assertThat(simulator.requests()).isEqualTo(upstreamCalls);

    HttpResponse<String> other =
        gateway.post("/v1/chat/completions", first.replace("cache me", "another prompt"));
    assertThat(other.headers().firstValue("X-Cache")).hasValue("MISS");
    assertThat(simulator.requests()).isEqualTo(upstreamCalls + 1);
  }

  @Test
  void embeddingsAreCachedToo() {
    String body = "{\"model\":\"text-embedding-3-small\",\"input\":\"cached\",\"dimensions\":4}";
    HttpResponse<String> miss = gateway.post("/v1/embeddings", body);
    long upstreamCalls = simulator.requests();
    HttpResponse<String> hit = gateway.post("/v1/embeddings", body);
    assertThat(miss.headers().firstValue("X-Cache")).hasValue("MISS");
    assertThat(hit.headers().firstValue("X-Cache")).hasValue("HIT");
    assertThat(hit.body()).isEqualTo(miss.body());
    assertThat(simulator.requests()).isEqualTo(upstreamCalls);
  }

  @Test
  void streamsAndFailuresAreNeverCached() {
    String stream =
        "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"stream me\"}]}";
    long before = simulator.requests();
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> response = gateway.post("/v1/chat/completions", stream);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("X-Cache")).isEmpty();
    }
    String failing =
        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"fail me\"}]}";
    for (int i = 0; i < 2; i++) {
      assertThat(gateway.post("/v1/chat/completions", failing, "x-sim-error", "500").statusCode())
          .isEqualTo(502);
    }
    assertThat(simulator.requests()).isEqualTo(before + 4);
  }

  @Test
  void entriesExpireAfterTheTtl() throws Exception {
    try (RunningGateway shortLived =
        RunningGateway.start(
            upstreams(
                Map.of(GatewayConfig.CACHE, "memory", GatewayConfig.CACHE_TTL_SECONDS, "1")))) {
      String body =
          "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"ttl\"}]}";
      assertThat(shortLived.post("/v1/chat/completions", body).headers().firstValue("X-Cache"))
          .hasValue("MISS");
      assertThat(shortLived.post("/v1/chat/completions", body).headers().firstValue("X-Cache"))
          .hasValue("HIT");
      Thread.sleep(1_100);
      assertThat(shortLived.post("/v1/chat/completions", body).headers().firstValue("X-Cache"))
          .hasValue("MISS");
    }
  }

  @Test
  void theCacheIsOffByDefaultAndABadSettingStopsTheStart() {
    try (RunningGateway plain = RunningGateway.start(upstreams(Map.of()))) {
      String body =
          "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"off\"}]}";
      long before = simulator.requests();
      assertThat(plain.post("/v1/chat/completions", body).headers().firstValue("X-Cache"))
          .isEmpty();
      plain.post("/v1/chat/completions", body);
      assertThat(simulator.requests()).isEqualTo(before + 2);
    }
    assertThatThrownBy(() -> RunningGateway.start(upstreams(Map.of(GatewayConfig.CACHE, "redis"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gateway.cache");
    assertThatThrownBy(
            () ->
                RunningGateway.start(
                    upstreams(
                        Map.of(
                            GatewayConfig.CACHE, "memory", GatewayConfig.CACHE_MAX_ENTRIES, "0"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gateway.cache.max-entries");
  }
}
