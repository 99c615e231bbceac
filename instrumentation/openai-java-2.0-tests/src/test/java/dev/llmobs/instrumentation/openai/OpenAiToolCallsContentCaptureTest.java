package dev.llmobs.instrumentation.openai;

import static dev.llmobs.testing.GenAiKeys.FINISH_REASONS;
import static dev.llmobs.testing.GenAiKeys.INPUT_MESSAGES;
import static dev.llmobs.testing.GenAiKeys.OUTPUT_MESSAGES;
import static dev.llmobs.testing.GenAiKeys.TOOL_DEFINITIONS;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tool round trip with content capture on (a JVM of its own, 400-character limit): the model's
 * tool calls are {@code tool_call} parts of the output, the results sent back {@code
 * tool_call_response} parts of the next input, and the tools offered are the tool definitions.
 */
class OpenAiToolCallsContentCaptureTest extends OpenAiAgentTest {

  static final String DEFINITIONS =
      "[{\"type\":\"function\",\"name\":\"get_weather\",\"description\":"
          + "\"Current weather of a city\",\"parameters\":{\"type\":\"object\",\"properties\":"
          + "{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}]";

  static final String TOOL_CALL_OUTPUT =
      "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_w\",\"name\":"
          + "\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}],\"finish_reason\":\"tool_calls\"}]";

  @Test
  void chatCompletionsToolRoundTrip() {
    server.reply("chat-tool-call.json");
    server.reply("chat.json");

    client.chat().completions().create(OpenAiToolCalls.firstRequest());
    client.chat().completions().create(OpenAiToolCalls.secondRequest());

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasAttributesSatisfying(
                        equalTo(FINISH_REASONS, Arrays.asList("tool_calls")),
                        equalTo(TOOL_DEFINITIONS, DEFINITIONS),
                        equalTo(
                            INPUT_MESSAGES,
                            "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":"
                                + "\"Weather in Paris?\"}]}]"),
                        equalTo(OUTPUT_MESSAGES, TOOL_CALL_OUTPUT))),
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasAttributesSatisfying(
                        equalTo(
                            INPUT_MESSAGES,
                            "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":"
                                + "\"Weather in Paris?\"}]},{\"role\":\"assistant\",\"parts\":"
                                + "[{\"type\":\"tool_call\",\"id\":\"call_w\",\"name\":"
                                + "\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}]},"
                                + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\","
                                + "\"id\":\"call_w\",\"response\":\"rainy, 12C\"}]}]"),
                        equalTo(
                            OUTPUT_MESSAGES,
                            "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":"
                                + "\"Hello there\"}],\"finish_reason\":\"stop\"}]"))));
  }

  @Test
  void streamedToolCallIsAssembledFromItsDeltas() {
    server.reply("chat-tool-call-stream.sse");

    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(OpenAiToolCalls.firstRequest())) {
      stream.stream().forEach(chunk -> {});
    }

    List<SpanData> spans = awaitSpans(1);
    assertThat(spans.get(0).getAttributes().get(OUTPUT_MESSAGES)).isEqualTo(TOOL_CALL_OUTPUT);
    assertThat(spans.get(0).getAttributes().get(FINISH_REASONS)).containsExactly("tool_calls");
    assertThat(spans.get(0).getAttributes().get(TOOL_DEFINITIONS)).isEqualTo(DEFINITIONS);
  }

  @Test
  void responsesFunctionCallRoundTrip() {
    server.reply("responses-tool-call.json").reply("responses.json");

    client.responses().create(OpenAiToolCalls.responsesFirstRequest());
    client.responses().create(OpenAiToolCalls.responsesSecondRequest());

    List<SpanData> spans = awaitSpans(2);
    SpanData call = spans.get(0);
    assertThat(call.getAttributes().get(FINISH_REASONS)).containsExactly("tool_calls");
    assertThat(call.getAttributes().get(TOOL_DEFINITIONS))
        .isEqualTo(
            "[{\"type\":\"function\",\"name\":\"get_weather\",\"parameters\":"
                + "{\"type\":\"object\"}}]");
    assertThat(call.getAttributes().get(OUTPUT_MESSAGES))
        .isEqualTo(
            "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_r\","
                + "\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}],"
                + "\"finish_reason\":\"tool_calls\"}]");
    assertThat(spans.get(1).getAttributes().get(INPUT_MESSAGES))
        .isEqualTo(
            "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather in Paris?\"}]},"
                + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_r\","
                + "\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}]},"
                + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"call_r\","
                + "\"response\":\"rainy, 12C\"}]}]");
  }

  /** The finished spans, in the order the calls were made, once there are {@code count}. */
  List<SpanData> awaitSpans(int count) {
    testing.waitForTraces(count);
    List<SpanData> spans = new java.util.ArrayList<>(testing.spans());
    spans.sort(java.util.Comparator.comparingLong(SpanData::getStartEpochNanos));
    assertThat(spans).hasSize(count);
    return spans;
  }
}
