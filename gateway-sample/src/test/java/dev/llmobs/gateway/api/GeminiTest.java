package dev.llmobs.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmobs.gateway.RunningGateway;
import dev.llmobs.gateway.RunningGateway.SseEvent;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** gemini-* models through google-genai to the simulator's Gemini wire format, and back. */
class GeminiTest {

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
  void chatCompletionHasTheOpenAiShapeWithGeminiUsageMapped() {
    HttpResponse<String> response =
        gateway.post(
            "/v1/chat/completions",
            ChatCompletionsTest.chat("gemini-2.5-flash", "hello gemini", ",\"max_tokens\":200"),
            "x-sim-usage",
            "input=100,cached=40,output=30,reasoning=10");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = RunningGateway.json(response);
    assertThat(body.path("object").asText()).isEqualTo("chat.completion");
    assertThat(body.path("id").asText()).startsWith("chatcmpl-");
    assertThat(body.path("model").asText()).isEqualTo("gemini-2.5-flash");
    JsonNode choice = body.path("choices").get(0);
    assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
    assertThat(choice.path("message").path("content").asText()).isNotBlank();
    assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
    JsonNode usage = body.path("usage");
    // promptTokenCount includes the cached tokens; candidates (20) + thoughts (10) are the output.
    assertThat(usage.path("prompt_tokens").asLong()).isEqualTo(100);
    assertThat(usage.path("prompt_tokens_details").path("cached_tokens").asLong()).isEqualTo(40);
    assertThat(usage.path("completion_tokens").asLong()).isEqualTo(30);
    assertThat(usage.path("completion_tokens_details").path("reasoning_tokens").asLong())
        .isEqualTo(10);
    assertThat(usage.path("total_tokens").asLong()).isEqualTo(130);
  }

  @Test
  void thinkingModelsReportThoughtsAndOthersDoNot() {
    JsonNode thinking =
        RunningGateway.json(
                gateway.post(
                    "/v1/chat/completions",
                    ChatCompletionsTest.chat("gemini-2.5-pro", "think", "")))
            .path("usage");
    JsonNode plain =
        RunningGateway.json(
                gateway.post(
                    "/v1/chat/completions",
                    ChatCompletionsTest.chat("gemini-2.0-flash", "think", "")))
            .path("usage");
    assertThat(thinking.path("completion_tokens_details").path("reasoning_tokens").asLong())
        .isPositive();
    assertThat(plain.path("completion_tokens_details").path("reasoning_tokens").asLong()).isZero();
  }

  @Test
  void streamIsTranslatedToChatCompletionChunks() {
    HttpResponse<String> response =
        gateway.post(
            "/v1/chat/completions",
            ChatCompletionsTest.chat(
                "gemini-2.0-flash",
                "stream gemini",
                ",\"stream\":true,\"stream_options\":{\"include_usage\":true}"),
            "x-sim-chunks",
            "3",
            "x-sim-usage",
            "input=30,cached=10,output=12");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
    List<SseEvent> events = RunningGateway.events(response);
    assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
    List<JsonNode> chunks =
        events.subList(0, events.size() - 1).stream().map(SseEvent::json).toList();
    // role chunk, 3 content chunks, finish chunk, usage chunk
    assertThat(chunks).hasSize(6);
    assertThat(chunks)
        .allSatisfy(c -> assertThat(c.path("object").asText()).isEqualTo("chat.completion.chunk"));
    assertThat(chunks.get(0).path("choices").get(0).path("delta").path("role").asText())
        .isEqualTo("assistant");
    assertThat(chunks.get(4).path("choices").get(0).path("finish_reason").asText())
        .isEqualTo("stop");
    assertThat(chunks.get(5).path("choices")).isEmpty();
    assertThat(chunks.get(5).path("usage").path("prompt_tokens").asLong()).isEqualTo(30);
    assertThat(chunks.get(5).path("usage").path("completion_tokens").asLong()).isEqualTo(12);
    String whole =
        RunningGateway.json(
                gateway.post(
                    "/v1/chat/completions",
                    ChatCompletionsTest.chat("gemini-2.0-flash", "stream gemini", "")))
            .path("choices")
            .get(0)
            .path("message")
            .path("content")
            .asText();
    assertThat(ChatCompletionsTest.content(chunks)).isEqualTo(whole);
  }

  @Test
  void embeddingsAreDeterministicUnitVectorsWithUsage() {
    HttpResponse<String> response =
        gateway.post(
            "/v1/embeddings",
            "{\"model\":\"gemini-embedding-001\",\"input\":[\"alpha\",\"beta\"],\"dimensions\":8}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = RunningGateway.json(response);
    assertThat(body.path("object").asText()).isEqualTo("list");
    assertThat(body.path("model").asText()).isEqualTo("gemini-embedding-001");
    assertThat(body.path("data")).hasSize(2);
    JsonNode vector = body.path("data").get(0).path("embedding");
    assertThat(vector).hasSize(8);
    double norm = 0;
    for (JsonNode v : vector) {
      norm += v.asDouble() * v.asDouble();
    }
    assertThat(norm).isCloseTo(1.0, Offset.offset(1e-4));
    assertThat(body.path("usage").path("prompt_tokens").asLong()).isPositive();

    JsonNode base64 =
        RunningGateway.json(
            gateway.post(
                "/v1/embeddings",
                "{\"model\":\"gemini-embedding-001\",\"input\":\"alpha\",\"dimensions\":8,"
                    + "\"encoding_format\":\"base64\"}"));
    ByteBuffer bytes =
        ByteBuffer.wrap(
                Base64.getDecoder().decode(base64.path("data").get(0).path("embedding").asText()))
            .order(ByteOrder.LITTLE_ENDIAN);
    assertThat(bytes.remaining()).isEqualTo(32);
    assertThat(bytes.getFloat()).isEqualTo((float) vector.get(0).asDouble());
  }

  @Test
  void upstreamFailuresAreMappedLikeTheOtherProviders() {
    String body = ChatCompletionsTest.chat("gemini-2.5-flash", "fail", "");
    HttpResponse<String> limited = gateway.post("/v1/chat/completions", body, "x-sim-error", "429");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(RunningGateway.error(limited).path("code").asText())
        .isEqualTo("rate_limit_exceeded");
    HttpResponse<String> failed = gateway.post("/v1/chat/completions", body, "x-sim-error", "500");
    assertThat(failed.statusCode()).isEqualTo(502);
    assertThat(RunningGateway.error(failed).path("message").asText()).contains("gemini");
    HttpResponse<String> timeout =
        gateway.post("/v1/chat/completions", body, "x-sim-error", "timeout");
    assertThat(timeout.statusCode()).isEqualTo(504);
  }

  @Test
  void badInputForGeminiIs400() {
    HttpResponse<String> noUser =
        gateway.post(
            "/v1/chat/completions",
            "{\"model\":\"gemini-2.5-flash\",\"messages\":[{\"role\":\"system\",\"content\":\"x\"}]}");
    assertThat(noUser.statusCode()).isEqualTo(400);
    assertThat(RunningGateway.error(noUser).path("param").asText()).isEqualTo("messages");
    HttpResponse<String> tokens =
        gateway.post("/v1/embeddings", "{\"model\":\"gemini-embedding-001\",\"input\":[[1,2]]}");
    assertThat(tokens.statusCode()).isEqualTo(400);
    assertThat(RunningGateway.error(tokens).path("param").asText()).isEqualTo("input");
    HttpResponse<String> colon =
        gateway.post(
            "/v1/chat/completions", ChatCompletionsTest.chat("gemini-2.5-flash:stream", "x", ""));
    assertThat(colon.statusCode()).isEqualTo(404);
  }
}
