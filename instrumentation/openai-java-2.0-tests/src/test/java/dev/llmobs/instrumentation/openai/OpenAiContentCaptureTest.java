package dev.llmobs.instrumentation.openai;

import static dev.llmobs.testing.GenAiKeys.INPUT_MESSAGES;
import static dev.llmobs.testing.GenAiKeys.OUTPUT_MESSAGES;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies;

import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.responses.ResponseCreateParams;
import org.junit.jupiter.api.Test;

/**
 * Runs in a JVM of its own with {@code otel.instrumentation.genai.capture-message-content=true} and
 * a 400-character limit (see the surefire execution "content-capture").
 */
class OpenAiContentCaptureTest extends OpenAiAgentTest {

  @Test
  void chatMessagesAreCapturedInSemconvShape() {
    server.reply("chat.json");

    client
        .chat()
        .completions()
        .create(
            ChatCompletionCreateParams.builder()
                .model("gpt-4o")
                .addSystemMessage("Be brief.")
                .addUserMessage("Say hello")
                .build());

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasAttributesSatisfying(
                        equalTo(
                            INPUT_MESSAGES,
                            "[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":"
                                + "\"Be brief.\"}]},{\"role\":\"user\",\"parts\":[{\"type\":"
                                + "\"text\",\"content\":\"Say hello\"}]}]"),
                        equalTo(
                            OUTPUT_MESSAGES,
                            "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":"
                                + "\"Hello there\"}],\"finish_reason\":\"stop\"}]"))));
  }

  @Test
  void longContentIsTruncatedToTheLimitAsValidJson() {
    server.reply("chat.json");
    StringBuilder prompt = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      prompt.append("lorem ipsum ");
    }

    client
        .chat()
        .completions()
        .create(
            ChatCompletionCreateParams.builder()
                .model("gpt-4o")
                .addUserMessage(prompt.toString())
                .build());

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasAttributesSatisfying(
                        satisfies(
                            INPUT_MESSAGES,
                            v ->
                                v.hasSizeLessThanOrEqualTo(400)
                                    .startsWith("[{\"role\":\"user\"")
                                    .endsWith("...[truncated]\"}]}]")))));
  }

  @Test
  void streamedOutputIsAssembledFromDeltas() {
    server.reply("chat-stream.sse");

    try (StreamResponse<ChatCompletionChunk> stream =
        client
            .chat()
            .completions()
            .createStreaming(
                ChatCompletionCreateParams.builder()
                    .model("gpt-4o-mini")
                    .addUserMessage("Hi")
                    .build())) {
      stream.stream().forEach(chunk -> {});
    }

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasAttributesSatisfying(
                        equalTo(
                            OUTPUT_MESSAGES,
                            "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":"
                                + "\"Hello\"}],\"finish_reason\":\"stop\"}]"))));
  }

  @Test
  void responsesInputAndOutputAreCaptured() {
    server.reply("responses.json");

    client
        .responses()
        .create(
            ResponseCreateParams.builder()
                .model("gpt-4.1")
                .instructions("Answer politely.")
                .input("How are you?")
                .build());

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasAttributesSatisfying(
                        equalTo(
                            INPUT_MESSAGES,
                            "[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":"
                                + "\"Answer politely.\"}]},{\"role\":\"user\",\"parts\":[{\"type\":"
                                + "\"text\",\"content\":\"How are you?\"}]}]"),
                        equalTo(
                            OUTPUT_MESSAGES,
                            "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":"
                                + "\"Fine, thanks\"}],\"finish_reason\":\"stop\"}]"))));
  }
}
