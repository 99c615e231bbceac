package dev.llmobs.instrumentation.googlegenai;

import static dev.llmobs.testing.GenAiKeys.INPUT_MESSAGES;
import static dev.llmobs.testing.GenAiKeys.OUTPUT_MESSAGES;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import com.google.genai.ResponseStream;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.Part;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * Runs in a JVM of its own with {@code otel.instrumentation.genai.capture-message-content=true} and
 * a 400-character limit (see the surefire execution "content-capture").
 */
class GeminiContentCaptureTest extends GeminiAgentTest {

  static final String MODEL = "gemini-2.0-flash";

  @Test
  void systemInstructionAndConversationAreCaptured() {
    server.enqueue(FakeGemini.json(FakeGemini.hello("resp-cc1", MODEL)));

    client.models.generateContent(
        MODEL,
        Arrays.asList(
            Content.builder()
                .role("user")
                .parts(Collections.singletonList(Part.fromText("Hi")))
                .build(),
            Content.builder()
                .role("model")
                .parts(Collections.singletonList(Part.fromText("Hello!")))
                .build(),
            Content.builder()
                .role("user")
                .parts(Collections.singletonList(Part.fromText("Say hello")))
                .build()),
        GenerateContentConfig.builder()
            .systemInstruction(Content.fromParts(Part.fromText("Be brief.")))
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
                                + "\"text\",\"content\":\"Hi\"}]},{\"role\":\"assistant\","
                                + "\"parts\":[{\"type\":\"text\",\"content\":\"Hello!\"}]},"
                                + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":"
                                + "\"Say hello\"}]}]"),
                        equalTo(
                            OUTPUT_MESSAGES,
                            "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":"
                                + "\"Hello there\"}],\"finish_reason\":\"stop\"}]"))));
  }

  @Test
  void streamedOutputIsAssembledFromChunks() {
    server.enqueue(
        FakeGemini.sse(
            FakeGemini.response("resp-cc2", MODEL, FakeGemini.candidate("Hel", null), null),
            FakeGemini.response(
                "resp-cc2",
                MODEL,
                FakeGemini.candidate("lo", "STOP"),
                FakeGemini.usage(3, null, 2, null))));

    try (ResponseStream<GenerateContentResponse> stream =
        client.models.generateContentStream(MODEL, "Say hello", null)) {
      stream.forEach(chunk -> {});
    }

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasAttributesSatisfying(
                        equalTo(
                            INPUT_MESSAGES,
                            "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":"
                                + "\"Say hello\"}]}]"),
                        equalTo(
                            OUTPUT_MESSAGES,
                            "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":"
                                + "\"Hello\"}],\"finish_reason\":\"stop\"}]"))));
  }
}
