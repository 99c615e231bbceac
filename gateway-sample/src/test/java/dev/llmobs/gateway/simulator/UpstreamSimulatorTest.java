package dev.llmobs.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator on its own, spoken to over HTTP like a provider. */
class UpstreamSimulatorTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static UpstreamSimulator simulator;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    simulator = UpstreamSimulator.start(0);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  static HttpResponse<String> post(String url, String body, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static final String MESSAGES =
      "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

  @Test
  void badValuesAre400sInTheProvidersShapeNotFailures() throws Exception {
    for (String[] call :
        new String[][] {
          {
            "/embeddings",
            "{\"model\":\"text-embedding-3-small\",\"input\":\"x\",\"dimensions\":-1}"
          },
          {
            "/embeddings",
            "{\"model\":\"text-embedding-3-small\",\"input\":\"x\",\"dimensions\":\"8\"}"
          },
          {
            "/embeddings",
            "{\"model\":\"text-embedding-3-small\",\"input\":\"x\",\"dimensions\":2147483647}"
          },
          {"/chat/completions", "{\"model\":\"gpt-4o\",\"max_tokens\":0,\"messages\":[]}"},
          {"/responses", "{\"model\":\"gpt-4o\",\"max_output_tokens\":-2,\"input\":\"x\"}"}
        }) {
      HttpResponse<String> response = post(simulator.baseUrl() + call[0], call[1]);
      assertThat(response.statusCode()).as(call[1]).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).path("error").path("message").asText())
          .isNotBlank();
    }
    HttpResponse<String> anthropic =
        post(
            simulator.anthropicBaseUrl() + "/v1/messages",
            "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":0,\"messages\":[]}");
    assertThat(anthropic.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(anthropic.body()).path("type").asText()).isEqualTo("error");
  }

  @Test
  void geminiSpeaksGenerateContentWithUsageMetadata() throws Exception {
    String request =
        "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}],"
            + "\"generationConfig\":{\"maxOutputTokens\":100}}";
    HttpResponse<String> response =
        post(
            simulator.geminiBaseUrl() + "/v1beta/models/gemini-2.5-flash:generateContent",
            request,
            "x-sim-usage",
            "input=100,cached=40,output=30,reasoning=10");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    JsonNode candidate = body.path("candidates").get(0);
    assertThat(candidate.path("content").path("role").asText()).isEqualTo("model");
    assertThat(candidate.path("content").path("parts").get(0).path("text").asText()).isNotBlank();
    assertThat(candidate.path("finishReason").asText()).isEqualTo("STOP");
    JsonNode usage = body.path("usageMetadata");
    assertThat(usage.path("promptTokenCount").asLong()).isEqualTo(100);
    assertThat(usage.path("cachedContentTokenCount").asLong()).isEqualTo(40);
    assertThat(usage.path("candidatesTokenCount").asLong()).isEqualTo(20);
    assertThat(usage.path("thoughtsTokenCount").asLong()).isEqualTo(10);
    assertThat(usage.path("totalTokenCount").asLong()).isEqualTo(130);
    assertThat(body.path("modelVersion").asText()).isEqualTo("gemini-2.5-flash");

    HttpResponse<String> stream =
        post(
            simulator.geminiBaseUrl() + "/v1/models/gemini-2.0-flash:streamGenerateContent?alt=sse",
            request,
            "x-sim-chunks",
            "2");
    List<String> data =
        Arrays.stream(stream.body().split("\n\n"))
            .filter(b -> b.startsWith("data: "))
            .map(b -> b.substring(6))
            .toList();
    assertThat(data).hasSize(2);
    assertThat(JSON.readTree(data.get(0)).path("candidates").get(0).has("finishReason")).isFalse();
    JsonNode last = JSON.readTree(data.get(1));
    assertThat(last.path("candidates").get(0).path("finishReason").asText()).isEqualTo("STOP");
    assertThat(last.path("usageMetadata").path("candidatesTokenCount").asLong()).isPositive();

    HttpResponse<String> embed =
        post(
            simulator.geminiBaseUrl() + "/v1beta/models/gemini-embedding-001:embedContent",
            "{\"content\":{\"parts\":[{\"text\":\"a\"}]},\"outputDimensionality\":4}");
    assertThat(JSON.readTree(embed.body()).path("embedding").path("values")).hasSize(4);

    HttpResponse<String> bad =
        post(
            simulator.geminiBaseUrl() + "/v1beta/models/gemini-2.5-flash:generateContent",
            "{\"contents\":[]}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).path("error").path("status").asText())
        .isEqualTo("INVALID_ARGUMENT");
  }

  @Test
  void anthropicUsageExcludesCacheTokensFromInputTokens() throws Exception {
    HttpResponse<String> response =
        post(
            simulator.anthropicBaseUrl() + "/v1/messages",
            MESSAGES + "}",
            "x-sim-usage",
            "input=100,cached=40,cache_write=10,output=20,reasoning=5");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("type").asText()).isEqualTo("message");
    assertThat(body.path("usage").path("input_tokens").asLong()).isEqualTo(50);
    assertThat(body.path("usage").path("cache_read_input_tokens").asLong()).isEqualTo(40);
    assertThat(body.path("usage").path("cache_creation_input_tokens").asLong()).isEqualTo(10);
    assertThat(body.path("usage").path("output_tokens").asLong()).isEqualTo(20);
  }

  @Test
  void openAiUsageIncludesCachedAndReasoningTokens() throws Exception {
    HttpResponse<String> response =
        post(
            simulator.baseUrl() + "/chat/completions",
            "{\"model\":\"o3\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
            "x-sim-usage",
            "input=100,cached=40,cache_write=10,output=20,reasoning=5");
    JsonNode usage = JSON.readTree(response.body()).path("usage");
    assertThat(usage.path("prompt_tokens").asLong()).isEqualTo(100);
    assertThat(usage.path("prompt_tokens_details").path("cached_tokens").asLong()).isEqualTo(40);
    assertThat(usage.path("completion_tokens").asLong()).isEqualTo(20);
    assertThat(usage.path("completion_tokens_details").path("reasoning_tokens").asLong())
        .isEqualTo(5);
  }

  @Test
  void longPromptsReportCachedTokens() throws Exception {
    String prompt = "x".repeat(8000);
    JsonNode usage =
        JSON.readTree(
                post(
                        simulator.baseUrl() + "/chat/completions",
                        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\""
                            + prompt
                            + "\"}]}")
                    .body())
            .path("usage");
    assertThat(usage.path("prompt_tokens_details").path("cached_tokens").asLong()).isPositive();
  }

  @Test
  void anthropicStreamHasTheMessagesEventSequence() throws Exception {
    HttpResponse<String> response =
        post(
            simulator.anthropicBaseUrl() + "/v1/messages",
            MESSAGES + ",\"stream\":true}",
            "x-sim-chunks",
            "2");
    List<String> events =
        Arrays.stream(response.body().split("\n"))
            .filter(l -> l.startsWith("event: "))
            .map(l -> l.substring(7))
            .toList();
    assertThat(events)
        .containsExactly(
            "message_start",
            "content_block_start",
            "ping",
            "content_block_delta",
            "content_block_delta",
            "content_block_stop",
            "message_delta",
            "message_stop");
  }

  @Test
  void badControlHeadersAre400() throws Exception {
    String chat = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    assertThat(
            post(simulator.baseUrl() + "/chat/completions", chat, "x-sim-usage", "input=1,cached=5")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            post(simulator.baseUrl() + "/chat/completions", chat, "x-sim-usage", "bogus")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            post(simulator.baseUrl() + "/chat/completions", chat, "x-sim-error", "418")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            post(simulator.baseUrl() + "/chat/completions", chat, "x-sim-chunks", "0").statusCode())
        .isEqualTo(400);
  }

  @Test
  void errorsUseEachProvidersErrorShape() throws Exception {
    HttpResponse<String> openAi =
        post(
            simulator.baseUrl() + "/chat/completions",
            "{\"model\":\"gpt-4o\",\"messages\":[]}",
            "x-sim-error",
            "429");
    assertThat(openAi.statusCode()).isEqualTo(429);
    assertThat(openAi.headers().firstValue("retry-after")).hasValue("1");
    assertThat(JSON.readTree(openAi.body()).path("error").path("code").asText())
        .isEqualTo("rate_limit_exceeded");

    HttpResponse<String> anthropic =
        post(simulator.anthropicBaseUrl() + "/v1/messages", MESSAGES + "}", "x-sim-error", "500");
    assertThat(anthropic.statusCode()).isEqualTo(500);
    assertThat(JSON.readTree(anthropic.body()).path("type").asText()).isEqualTo("error");
    assertThat(JSON.readTree(anthropic.body()).path("error").path("type").asText())
        .isEqualTo("api_error");
  }
}
