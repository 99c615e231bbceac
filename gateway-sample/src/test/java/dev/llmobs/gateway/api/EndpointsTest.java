package dev.llmobs.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmobs.gateway.RunningGateway;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EndpointsTest {

  static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void health() {
    HttpResponse<String> response = gateway.get("/health");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(RunningGateway.json(response).path("status").asText()).isEqualTo("ok");
  }

  @Test
  void models() {
    HttpResponse<String> response = gateway.get("/v1/models");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = RunningGateway.json(response);
    assertThat(body.path("object").asText()).isEqualTo("list");
    assertThat(body.path("data").findValuesAsText("id"))
        .contains(
            "gpt-4o-mini",
            "o3-mini",
            "claude-sonnet-4-5",
            "text-embedding-3-small",
            "gemini-2.5-flash");
    assertThat(body.path("data").findValuesAsText("owned_by"))
        .containsOnly("openai", "anthropic", "google");
  }

  @Test
  void embeddingsAreDeterministicUnitVectors() {
    HttpResponse<String> response =
        gateway.post(
            "/v1/embeddings",
            "{\"model\":\"text-embedding-3-small\",\"input\":[\"alpha\",\"beta\"],\"dimensions\":8}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = RunningGateway.json(response);
    assertThat(body.path("object").asText()).isEqualTo("list");
    assertThat(body.path("data")).hasSize(2);
    JsonNode vector = body.path("data").get(0).path("embedding");
    assertThat(vector).hasSize(8);
    double norm = 0;
    for (JsonNode v : vector) {
      norm += v.asDouble() * v.asDouble();
    }
    assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(body.path("usage").path("prompt_tokens").asLong()).isPositive();
    JsonNode again =
        RunningGateway.json(
            gateway.post(
                "/v1/embeddings",
                "{\"model\":\"text-embedding-3-small\",\"input\":\"alpha\",\"dimensions\":8}"));
    assertThat(again.path("data").get(0).path("embedding")).isEqualTo(vector);
  }

  @Test
  void metricsArePrometheusTextLabelledByRouteTemplate() {
    gateway.post(
        "/v1/chat/completions",
        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"m\"}]}");
    gateway.post("/v1/chat/completions", "{bad json");
    gateway.get("/v1/responses/resp_raw_id_123/input_items");
    gateway.get("/not/a/route/xyz");

    HttpResponse<String> response = gateway.get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    String text = response.body();
    assertThat(text)
        .contains(
            "http_requests_total{method=\"POST\",path=\"/v1/chat/completions\",status=\"200\"}")
        .contains(
            "http_requests_total{method=\"POST\",path=\"/v1/chat/completions\",status=\"400\"}")
        .contains(
            "http_requests_total{method=\"GET\",path=\"/v1/responses/{response_id}/input_items\",status=\"404\"}")
        .contains("http_requests_total{method=\"GET\",path=\"unmatched\",status=\"404\"}")
        .contains(
            "http_request_duration_seconds_bucket{method=\"POST\",path=\"/v1/chat/completions\",status=\"200\",le=\"0.1\"}")
        .contains("http_request_size_bytes_sum{method=\"POST\",path=\"/v1/chat/completions\"}")
        .contains("http_response_size_bytes_sum{method=\"POST\",path=\"/v1/chat/completions\"}")
        .contains("gateway_conversations_stored")
        // Never a raw id or path in a label.
        .doesNotContain("resp_raw_id_123")
        .doesNotContain("xyz");
  }
}
