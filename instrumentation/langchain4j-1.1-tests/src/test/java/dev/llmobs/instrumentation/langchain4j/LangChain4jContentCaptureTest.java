package dev.llmobs.instrumentation.langchain4j;

import static dev.llmobs.testing.GenAiKeys.INPUT_MESSAGES;
import static dev.llmobs.testing.GenAiKeys.OUTPUT_MESSAGES;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.llmobs.instrumentation.langchain4j.scenarios.GenAiAgentTest;
import dev.llmobs.instrumentation.langchain4j.scenarios.OpenAiWire;
import dev.llmobs.instrumentation.langchain4j.scenarios.StreamRecorder;
import dev.llmobs.instrumentation.langchain4j.scenarios.Usage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Runs with content capture on (max length 400): messages as semantic-convention JSON. */
class LangChain4jContentCaptureTest extends GenAiAgentTest {

  static final OpenAiWire WIRE = new OpenAiWire();

  @Test
  void inputAndOutputMessagesOfABlockingCall() {
    server.enqueue(WIRE.chat("resp-1", "gpt-4o-mini", "Hello there", Usage.of(9, 2)));

    OpenAiChatModel.builder()
        .baseUrl(server.url("/v1").toString())
        .apiKey(API_KEY)
        .modelName("gpt-4o-mini")
        .maxRetries(0)
        .build()
        .chat(SystemMessage.from("Be brief"), UserMessage.from("Say hello"));

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasAttributesSatisfying(
                        equalTo(
                            INPUT_MESSAGES,
                            "[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":"
                                + "\"Be brief\"}]},{\"role\":\"user\",\"parts\":[{\"type\":"
                                + "\"text\",\"content\":\"Say hello\"}]}]"),
                        equalTo(
                            OUTPUT_MESSAGES,
                            "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":"
                                + "\"Hello there\"}],\"finish_reason\":\"stop\"}]"))));
  }

  @Test
  void outputOfAStreamedCallIsTheWholeAnswer() throws Exception {
    server.enqueue(
        WIRE.stream("resp-s", "gpt-4o-mini", Arrays.asList("Hel", "lo"), Usage.of(9, 2)));
    StreamRecorder recorder = new StreamRecorder();

    OpenAiStreamingChatModel.builder()
        .baseUrl(server.url("/v1").toString())
        .apiKey(API_KEY)
        .modelName("gpt-4o-mini")
        .build()
        .chat("Say hello", new RecordingHandler(recorder));
    recorder.await();

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
