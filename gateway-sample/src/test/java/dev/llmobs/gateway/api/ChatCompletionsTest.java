package dev.llmobs.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmobs.gateway.RunningGateway;
import dev.llmobs.gateway.RunningGateway.SseEvent;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChatCompletionsTest {

  static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  static String chat(String model, String prompt, String extra) {
    return "{\"model\":\""
        + model
        + "\""
        + extra
        + ",\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},"
        + "{\"role\":\"user\",\"content\":\""
        + prompt
        + "\"}]}";
  }

  @Test
  void openAiCompletionHasTheOpenAiShapeAndARequestId() {
    HttpResponse<String> response =
        gateway.post("/v1/chat/completions", chat("gpt-4o-mini", "hello", ""));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(response.headers().firstValue("X-Request-ID"))
        .hasValueSatisfying(v -> assertThat(v).hasSize(36));
    JsonNode body = RunningGateway.json(response);
    assertThat(body.path("object").asText()).isEqualTo("chat.completion");
    assertThat(body.path("id").asText()).startsWith("chatcmpl-");
    assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini-2024-08-06");
    assertThat(body.path("choices").get(0).path("message").path("role").asText())
        .isEqualTo("assistant");
    assertThat(body.path("choices").get(0).path("message").path("content").asText()).isNotBlank();
    assertThat(body.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
    JsonNode usage = body.path("usage");
    assertThat(usage.path("prompt_tokens").asLong()).isPositive();
    assertThat(usage.path("total_tokens").asLong())
        .isEqualTo(usage.path("prompt_tokens").asLong() + usage.path("completion_tokens").asLong());
    assertThat(usage.path("completion_tokens_details").path("reasoning_tokens").asLong()).isZero();
  }

  @Test
  void clientRequestIdIsEchoedAndAnUnsafeOneIsReplaced() {
    HttpResponse<String> honoured =
        gateway.post(
            "/v1/chat/completions", chat("gpt-4o-mini", "id", ""), "X-Request-ID", "client-req-42");
    assertThat(honoured.headers().firstValue("X-Request-ID")).hasValue("client-req-42");

    HttpResponse<String> replaced =
        gateway.post(
            "/v1/chat/completions",
            chat("gpt-4o-mini", "id", ""),
            "X-Request-ID",
            "bad id with spaces");
    assertThat(replaced.headers().firstValue("X-Request-ID"))
        .hasValueSatisfying(v -> assertThat(v).hasSize(36));
  }

  @Test
  void answersAreDeterministic() {
    JsonNode first =
        RunningGateway.json(
            gateway.post("/v1/chat/completions", chat("gpt-4o", "same prompt", "")));
    JsonNode second =
        RunningGateway.json(
            gateway.post("/v1/chat/completions", chat("gpt-4o", "same prompt", "")));
    JsonNode other =
        RunningGateway.json(
            gateway.post("/v1/chat/completions", chat("gpt-4o", "other prompt", "")));

    assertThat(second).isEqualTo(first);
    assertThat(other.path("choices")).isNotEqualTo(first.path("choices"));
  }

  @Test
  void reasoningModelsReportReasoningTokensInsideCompletionTokens() {
    JsonNode usage =
        RunningGateway.json(gateway.post("/v1/chat/completions", chat("o3-mini", "think", "")))
            .path("usage");
    long reasoning = usage.path("completion_tokens_details").path("reasoning_tokens").asLong();
    assertThat(reasoning).isPositive();
    assertThat(usage.path("completion_tokens").asLong()).isGreaterThan(reasoning);
  }

  @Test
  void exactUsageFromTheSimulatorHeaderUsesOpenAiSemantics() {
    JsonNode usage =
        RunningGateway.json(
                gateway.post(
                    "/v1/chat/completions",
                    chat("o4-mini", "usage", ""),
                    "x-sim-usage",
                    "input=1000,cached=600,output=50,reasoning=30"))
            .path("usage");

    assertThat(usage.path("prompt_tokens").asLong()).isEqualTo(1000);
    assertThat(usage.path("prompt_tokens_details").path("cached_tokens").asLong()).isEqualTo(600);
    assertThat(usage.path("completion_tokens").asLong()).isEqualTo(50);
    assertThat(usage.path("completion_tokens_details").path("reasoning_tokens").asLong())
        .isEqualTo(30);
    assertThat(usage.path("total_tokens").asLong()).isEqualTo(1050);
  }

  @Test
  void openAiStreamIsSseWithTheRequestedChunksUsageAndDone() {
    HttpResponse<String> response =
        gateway.post(
            "/v1/chat/completions",
            chat(
                "gpt-4o-mini",
                "stream",
                ",\"stream\":true,\"stream_options\":{\"include_usage\":true}"),
            "x-sim-chunks",
            "4");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
    List<SseEvent> events = RunningGateway.events(response);
    assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
    List<JsonNode> chunks =
        events.subList(0, events.size() - 1).stream().map(SseEvent::json).toList();
    // 4 content chunks, the finish_reason chunk, the usage chunk.
    assertThat(chunks).hasSize(6);
    assertThat(chunks)
        .allSatisfy(c -> assertThat(c.path("object").asText()).isEqualTo("chat.completion.chunk"));
    assertThat(chunks.get(0).path("choices").get(0).path("delta").path("role").asText())
        .isEqualTo("assistant");
    assertThat(chunks.get(4).path("choices").get(0).path("finish_reason").asText())
        .isEqualTo("stop");
    JsonNode usageChunk = chunks.get(5);
    assertThat(usageChunk.path("choices")).isEmpty();
    assertThat(usageChunk.path("usage").path("completion_tokens").asLong()).isPositive();

    String streamed = content(chunks);
    String whole =
        RunningGateway.json(gateway.post("/v1/chat/completions", chat("gpt-4o-mini", "stream", "")))
            .path("choices")
            .get(0)
            .path("message")
            .path("content")
            .asText();
    assertThat(streamed).isEqualTo(whole);
  }

  @Test
  void openAiStreamWithoutIncludeUsageHasNoUsageChunk() {
    List<SseEvent> events =
        RunningGateway.events(
            gateway.post(
                "/v1/chat/completions", chat("gpt-4o-mini", "no usage", ",\"stream\":true")));
    assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
    assertThat(events.subList(0, events.size() - 1))
        .allSatisfy(
            e -> assertThat(e.json().has("usage") && !e.json().path("usage").isNull()).isFalse());
  }

  @Test
  void claudeModelsGoThroughAnthropicAndComeBackInTheOpenAiShape() {
    HttpResponse<String> response =
        gateway.post(
            "/v1/chat/completions",
            chat("claude-sonnet-4-5", "hello claude", ",\"max_tokens\":256,\"temperature\":0.2"),
            "x-sim-usage",
            "input=100,cached=40,cache_write=10,output=20");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = RunningGateway.json(response);
    assertThat(body.path("object").asText()).isEqualTo("chat.completion");
    assertThat(body.path("id").asText()).startsWith("msg_");
    assertThat(body.path("model").asText()).isEqualTo("claude-sonnet-4-5-20250929");
    assertThat(body.path("choices").get(0).path("message").path("content").asText()).isNotBlank();
    assertThat(body.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
    // Anthropic's input_tokens (50) plus cache read (40) and write (10) are OpenAI's prompt_tokens.
    assertThat(body.path("usage").path("prompt_tokens").asLong()).isEqualTo(100);
    assertThat(body.path("usage").path("prompt_tokens_details").path("cached_tokens").asLong())
        .isEqualTo(40);
    assertThat(body.path("usage").path("completion_tokens").asLong()).isEqualTo(20);
  }

  @Test
  void claudeStreamIsTranslatedToChatCompletionChunks() {
    HttpResponse<String> response =
        gateway.post(
            "/v1/chat/completions",
            chat(
                "claude-haiku-4-5",
                "stream claude",
                ",\"stream\":true,\"stream_options\":{\"include_usage\":true}"),
            "x-sim-chunks",
            "3",
            "x-sim-usage",
            "input=30,cached=10,output=12");

    assertThat(response.statusCode()).isEqualTo(200);
    List<SseEvent> events = RunningGateway.events(response);
    assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
    List<JsonNode> chunks =
        events.subList(0, events.size() - 1).stream().map(SseEvent::json).toList();
    // role chunk, 3 content chunks, finish chunk, usage chunk
    assertThat(chunks).hasSize(6);
    assertThat(chunks.get(0).path("choices").get(0).path("delta").path("role").asText())
        .isEqualTo("assistant");
    assertThat(chunks.get(4).path("choices").get(0).path("finish_reason").asText())
        .isEqualTo("stop");
    assertThat(chunks.get(5).path("usage").path("prompt_tokens").asLong()).isEqualTo(30);
    assertThat(chunks.get(5).path("usage").path("completion_tokens").asLong()).isEqualTo(12);
    String whole =
        RunningGateway.json(
                gateway.post("/v1/chat/completions", chat("claude-haiku-4-5", "stream claude", "")))
            .path("choices")
            .get(0)
            .path("message")
            .path("content")
            .asText();
    assertThat(content(chunks)).isEqualTo(whole);
  }

  @Test
  void simulatorTimingHeadersAreForwarded() {
    long start = System.nanoTime();
    HttpResponse<String> response =
        gateway.post(
            "/v1/chat/completions",
            chat("gpt-4o-mini", "slow", ""),
            "x-sim-ttfb-ms",
            "150",
            "x-sim-latency-ms",
            "150");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(millis).isGreaterThanOrEqualTo(300);
  }

  static String content(List<JsonNode> chunks) {
    return chunks.stream()
        .filter(c -> !c.path("choices").isEmpty())
        .map(c -> c.path("choices").get(0).path("delta").path("content").asText(""))
        .collect(Collectors.joining());
  }
}
