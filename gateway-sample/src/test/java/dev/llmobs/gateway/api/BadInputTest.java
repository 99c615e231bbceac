package dev.llmobs.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmobs.gateway.RawHttp;
import dev.llmobs.gateway.RunningGateway;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of bad request: the status and an OpenAI-style error body, and no upstream call. */
class BadInputTest {

  static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start(Map.of("gateway.max-request-bytes", "4096"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  static JsonNode rejected(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    return RunningGateway.error(response);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v1/chat/completions", "/v1/responses", "/v1/embeddings"})
  void malformedJson(String path) {
    JsonNode error = rejected(gateway.post(path, "{\"model\":"), 400);
    assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.path("message").asText()).contains("not valid JSON");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "[1,2]", "\"text\"", "42"})
  void emptyOrNonObjectBody(String body) {
    JsonNode error = rejected(gateway.post("/v1/chat/completions", body), 400);
    assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v1/chat/completions", "/v1/responses", "/v1/embeddings"})
  void missingModel(String path) {
    JsonNode error =
        rejected(
            gateway.post(
                path, "{\"input\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
            400);
    assertThat(error.path("param").asText()).isEqualTo("model");
    assertThat(error.path("code").asText()).isEqualTo("missing_required_parameter");
  }

  @Test
  void modelThatIsNotAString() {
    JsonNode error =
        rejected(
            gateway.post(
                "/v1/chat/completions",
                "{\"model\":42,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
            400);
    assertThat(error.path("param").asText()).isEqualTo("model");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v1/chat/completions", "/v1/responses", "/v1/embeddings"})
  void unknownModel(String path) {
    JsonNode error =
        rejected(
            gateway.post(
                path,
                "{\"model\":\"llama-3-70b\",\"input\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
            404);
    assertThat(error.path("code").asText()).isEqualTo("model_not_found");
    assertThat(error.path("param").asText()).isEqualTo("model");
    assertThat(error.path("message").asText()).contains("llama-3-70b");
  }

  @Test
  void missingMessages() {
    JsonNode error = rejected(gateway.post("/v1/chat/completions", "{\"model\":\"gpt-4o\"}"), 400);
    assertThat(error.path("message").asText()).contains("messages");
  }

  @Test
  void emptyMessages() {
    JsonNode error =
        rejected(
            gateway.post("/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":[]}"), 400);
    assertThat(error.path("param").asText()).isEqualTo("messages");
  }

  @Test
  void fieldOfTheWrongType() {
    JsonNode error =
        rejected(
            gateway.post(
                "/v1/chat/completions",
                "{\"model\":\"gpt-4o\",\"temperature\":\"hot\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
            400);
    assertThat(error.path("message").asText()).contains("temperature");
  }

  @Test
  void streamThatIsNotABoolean() {
    JsonNode error =
        rejected(
            gateway.post(
                "/v1/chat/completions",
                "{\"model\":\"gpt-4o\",\"stream\":\"yes\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
            400);
    assertThat(error.path("param").asText()).isEqualTo("stream");
  }

  @Test
  void unsupportedRoleForClaude() {
    JsonNode error =
        rejected(
            gateway.post(
                "/v1/chat/completions",
                "{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"},{\"role\":\"function\",\"name\":\"f\",\"content\":\"x\"}]}"),
            400);
    assertThat(error.path("param").asText()).isEqualTo("messages");
  }

  @Test
  void responsesWithoutInput() {
    JsonNode error = rejected(gateway.post("/v1/responses", "{\"model\":\"gpt-4o\"}"), 400);
    assertThat(error.path("param").asText()).isEqualTo("input");
  }

  @Test
  void responsesWithClaudeTakeMessageItemsOnly() {
    JsonNode error =
        rejected(
            gateway.post(
                "/v1/responses",
                "{\"model\":\"claude-sonnet-4-5\",\"input\":[{\"type\":\"function_call_output\",\"call_id\":\"c1\",\"output\":\"42\"}]}"),
            400);
    assertThat(error.path("param").asText()).isEqualTo("input");
  }

  @Test
  void unknownPreviousResponseId() {
    JsonNode error =
        rejected(
            gateway.post(
                "/v1/responses",
                "{\"model\":\"gpt-4o\",\"input\":\"x\",\"previous_response_id\":\"resp_missing\"}"),
            400);
    assertThat(error.path("code").asText()).isEqualTo("previous_response_not_found");
  }

  @Test
  void embeddingsWithoutInputOrWithAChatModelFamilyThatHasNone() {
    assertThat(
            rejected(gateway.post("/v1/embeddings", "{\"model\":\"text-embedding-3-small\"}"), 400)
                .path("param")
                .asText())
        .isEqualTo("input");
    assertThat(
            rejected(
                    gateway.post(
                        "/v1/embeddings", "{\"model\":\"claude-sonnet-4-5\",\"input\":\"x\"}"),
                    400)
                .path("code")
                .asText())
        .isEqualTo("model_not_supported");
  }

  @Test
  void oversizeBody() {
    String big =
        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\""
            + "a".repeat(5000)
            + "\"}]}";
    JsonNode error = rejected(gateway.post("/v1/chat/completions", big), 413);
    assertThat(error.path("code").asText()).isEqualTo("request_too_large");
    assertThat(error.path("message").asText()).contains("4096");
  }

  @Test
  void unknownPath() {
    JsonNode error = rejected(gateway.get("/v1/does-not-exist"), 404);
    assertThat(error.path("code").asText()).isEqualTo("unknown_url");
  }

  @Test
  void unknownResponseIdOnTheResponseRoutes() {
    assertThat(
            rejected(gateway.get("/v1/responses/resp_nope/input_items"), 404).path("code").asText())
        .isEqualTo("not_found");
    assertThat(rejected(gateway.delete("/v1/responses/resp_nope"), 404).path("code").asText())
        .isEqualTo("not_found");
  }

  @Test
  void bogusCharsetIs415AndBadUtf8Is400() {
    String chat = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
    RawHttp.Answer charset =
        RawHttp.send(
            gateway.port(),
            RawHttp.head(
                "POST",
                "/v1/chat/completions",
                Map.of(
                    "Content-Type",
                    "application/json; charset=bogus",
                    "Content-Length",
                    Integer.toString(chat.length()))),
            chat.getBytes(StandardCharsets.UTF_8));
    assertThat(charset.status()).isEqualTo(415);
    assertThat(errorOf(charset).path("code").asText()).isEqualTo("unsupported_charset");

    byte[] badUtf8 = chat.replace("\"x\"", "\"\u00ff\"").getBytes(StandardCharsets.ISO_8859_1);
    RawHttp.Answer answer =
        RawHttp.send(
            gateway.port(),
            RawHttp.head(
                "POST",
                "/v1/chat/completions",
                Map.of(
                    "Content-Type",
                    "application/json",
                    "Content-Length",
                    Integer.toString(badUtf8.length))),
            badUtf8);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(errorOf(answer).path("code").asText()).isEqualTo("invalid_encoding");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"model\":\"gpt-4o\",\"max_tokens\":0,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
        "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":-3,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
        "{\"model\":\"gpt-4o\",\"max_completion_tokens\":1.5,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
        "{\"model\":\"gpt-4o\",\"temperature\":7,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"
      })
  void outOfRangeChatValuesAre400BeforeTheUpstream(String body) {
    JsonNode error = rejected(gateway.post("/v1/chat/completions", body), 400);
    assertThat(error.path("code").asText()).isEqualTo("invalid_value");
    assertThat(error.path("param").asText())
        .isIn("max_tokens", "max_completion_tokens", "temperature");
  }

  @Test
  void outOfRangeResponsesAndEmbeddingsValuesAre400() {
    assertThat(
            rejected(
                    gateway.post(
                        "/v1/responses",
                        "{\"model\":\"gpt-4o\",\"input\":\"x\",\"max_output_tokens\":0}"),
                    400)
                .path("param")
                .asText())
        .isEqualTo("max_output_tokens");
    assertThat(
            rejected(
                    gateway.post(
                        "/v1/embeddings",
                        "{\"model\":\"text-embedding-3-small\",\"input\":\"x\",\"dimensions\":-1}"),
                    400)
                .path("param")
                .asText())
        .isEqualTo("dimensions");
  }

  @Test
  void errorsOfTheHttpServerItselfAreOpenAiJsonToo() {
    RawHttp.Answer headers =
        RawHttp.send(
            gateway.port(),
            RawHttp.head("GET", "/v1/models", Map.of("X-Big", "h".repeat(20_000))),
            new byte[0]);
    assertThat(headers.status()).isEqualTo(431);
    assertThat(errorOf(headers).path("code").asText()).isEqualTo("request_header_fields_too_large");

    RawHttp.Answer nul =
        RawHttp.send(
            gateway.port(),
            RawHttp.head("GET", "/v1/responses/%00/input_items", Map.of()),
            new byte[0]);
    assertThat(nul.status()).isEqualTo(400);
    errorOf(nul);

    RawHttp.Answer version =
        RawHttp.send(
            gateway.port(),
            "GET /health HTTP/9.9\r\nHost: x".getBytes(StandardCharsets.US_ASCII),
            new byte[0]);
    assertThat(version.status()).isEqualTo(400);
    errorOf(version);
  }

  static JsonNode errorOf(RawHttp.Answer answer) {
    assertThat(answer.header("content-type")).startsWith("application/json");
    try {
      JsonNode error = RunningGateway.JSON.readTree(answer.body()).path("error");
      assertThat(
              error.has("message") && error.has("type") && error.has("param") && error.has("code"))
          .as(answer.body())
          .isTrue();
      return error;
    } catch (java.io.IOException e) {
      throw new AssertionError(answer.body(), e);
    }
  }
}
