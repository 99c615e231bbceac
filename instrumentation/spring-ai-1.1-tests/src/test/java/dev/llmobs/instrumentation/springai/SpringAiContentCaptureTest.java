package dev.llmobs.instrumentation.springai;

import static dev.llmobs.testing.GenAiKeys.*;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;

/** Opt-in content capture (this class runs in a JVM with it on, max length 400). */
class SpringAiContentCaptureTest extends SpringAiAgentTest {

  @Test
  void blockingCallCapturesInputAndOutputMessages() {
    server.enqueue(FakeLlm.json(FakeLlm.chatCompletion("chatcmpl-c", "gpt-4o-mini", "Hello")));
    ChatModel model = SpringAiLine.openAiChat(setup());

    model.call(new Prompt(new SystemMessage("Be brief"), new UserMessage("Say hello")));

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat gpt-4o-mini")
                        .hasAttributesSatisfying(
                            equalTo(
                                INPUT_MESSAGES,
                                "[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":"
                                    + "\"Be brief\"}]},{\"role\":\"user\",\"parts\":[{\"type\":"
                                    + "\"text\",\"content\":\"Say hello\"}]}]"),
                            equalTo(
                                OUTPUT_MESSAGES,
                                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\","
                                    + "\"content\":\"Hello\"}],\"finish_reason\":\"stop\"}]"))));
  }

  @Test
  void streamCapturesTheWholeOutput() {
    server.enqueue(FakeLlm.helloStream("chatcmpl-cs"));
    ChatModel model = SpringAiLine.openAiChat(setup());

    model.stream(new Prompt("Say hello", SpringAiLine.streamingOptions(ModelSetup.OPENAI_MODEL)))
        .blockLast();

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat gpt-4o-mini")
                        .hasAttributesSatisfying(
                            equalTo(
                                INPUT_MESSAGES,
                                "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":"
                                    + "\"Say hello\"}]}]"),
                            equalTo(
                                OUTPUT_MESSAGES,
                                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\","
                                    + "\"content\":\"Hello\"}],\"finish_reason\":\"stop\"}]"))));
  }
}
