package dev.llmobs.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmobs.gateway.RunningGateway;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Upstream errors from the simulator become 429, 502 or 504 with an OpenAI-style body. */
class UpstreamFailureTest {

  static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start(Map.of("gateway.upstream.timeout-ms", "500"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  static String body(String model, boolean stream) {
    return "{\"model\":\""
        + model
        + "\",\"stream\":"
        + stream
        + ",\"messages\":[{\"role\":\"user\",\"content\":\"fail\"}]}";
  }

  @ParameterizedTest(name = "{0} stream={1} x-sim-error={2}")
  @CsvSource({
    "gpt-4o-mini, false, 429, 429, rate_limit_error",
    "gpt-4o-mini, true, 429, 429, rate_limit_error",
    "gpt-4o-mini, false, 500, 502, upstream_error",
    "gpt-4o-mini, true, 500, 502, upstream_error",
    "gpt-4o-mini, false, timeout, 504, upstream_timeout",
    "claude-sonnet-4-5, false, 429, 429, rate_limit_error",
    "claude-sonnet-4-5, true, 500, 502, upstream_error",
    "claude-sonnet-4-5, false, timeout, 504, upstream_timeout",
  })
  void chatCompletions(String model, boolean stream, String simError, int status, String type) {
    long start = System.nanoTime();
    HttpResponse<String> response =
        gateway.post("/v1/chat/completions", body(model, stream), "x-sim-error", simError);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode error = RunningGateway.error(response);
    assertThat(error.path("type").asText()).isEqualTo(type);
    if (status == 429) {
      assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    }
    if (status == 504) {
      // gateway.upstream.timeout-ms=500 bounds it, however long the upstream hangs
      assertThat(millis).isBetween(400L, 5_000L);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/v1/embeddings | {\"model\":\"text-embedding-3-small\",\"input\":\"x\"} | 500 | 502",
        "/v1/responses | {\"model\":\"gpt-4o\",\"input\":\"x\"} | 429 | 429",
        "/v1/responses | {\"model\":\"gpt-4o\",\"input\":\"x\",\"stream\":true} | 500 | 502",
        "/v1/responses | {\"model\":\"gpt-4o\",\"input\":\"x\"} | timeout | 504",
        "/v1/responses | {\"model\":\"claude-sonnet-4-5\",\"input\":\"x\"} | 429 | 429",
        "/v1/responses | {\"model\":\"claude-sonnet-4-5\",\"input\":\"x\",\"stream\":true} | 500 | 502",
      })
  void otherRoutes(String path, String body, String simError, int status) {
    HttpResponse<String> response = gateway.post(path, body, "x-sim-error", simError);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    RunningGateway.error(response);
  }
}
