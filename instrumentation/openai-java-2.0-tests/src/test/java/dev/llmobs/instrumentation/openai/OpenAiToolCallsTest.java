package dev.llmobs.instrumentation.openai;

import static dev.llmobs.testing.GenAiKeys.FINISH_REASONS;
import static dev.llmobs.testing.GenAiKeys.INPUT_MESSAGES;
import static dev.llmobs.testing.GenAiKeys.OUTPUT_MESSAGES;
import static dev.llmobs.testing.GenAiKeys.TOOL_DEFINITIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tool round trip with content capture off (the default): the spans tell that the model asked for
 * tools (finish reason {@code tool_calls}) and nothing of the tools' names, arguments or results,
 * nor the tool definitions.
 */
class OpenAiToolCallsTest extends OpenAiAgentTest {

  @Test
  void toolRoundTripRecordsNoArgumentsResultsOrDefinitions() {
    server.reply("chat-tool-call.json");
    server.reply("chat.json");

    client.chat().completions().create(OpenAiToolCalls.firstRequest());
    client.chat().completions().create(OpenAiToolCalls.secondRequest());

    testing.waitForTraces(2);
    List<SpanData> spans = testing.spans();
    assertThat(spans).hasSize(2);
    assertThat(spans)
        .extracting(s -> s.getAttributes().get(FINISH_REASONS))
        .containsExactlyInAnyOrder(List.of("tool_calls"), List.of("stop"));
    assertNoToolContent(spans);
  }

  @Test
  void streamedToolCallRecordsNoArguments() {
    server.reply("chat-tool-call-stream.sse");

    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(OpenAiToolCalls.firstRequest())) {
      stream.stream().forEach(chunk -> {});
    }

    testing.waitForTraces(1);
    List<SpanData> spans = testing.spans();
    assertThat(spans.get(0).getAttributes().get(FINISH_REASONS)).containsExactly("tool_calls");
    assertNoToolContent(spans);
  }

  @Test
  void responsesFunctionCallRecordsNoArguments() {
    server.reply("responses-tool-call.json").reply("responses.json");

    client.responses().create(OpenAiToolCalls.responsesFirstRequest());
    client.responses().create(OpenAiToolCalls.responsesSecondRequest());

    testing.waitForTraces(2);
    List<SpanData> spans = testing.spans();
    assertThat(spans)
        .extracting(s -> s.getAttributes().get(FINISH_REASONS))
        .containsExactlyInAnyOrder(List.of("tool_calls"), List.of("stop"));
    assertNoToolContent(spans);
  }

  static void assertNoToolContent(List<SpanData> spans) {
    for (SpanData span : spans) {
      assertThat(span.getAttributes().get(INPUT_MESSAGES)).isNull();
      assertThat(span.getAttributes().get(OUTPUT_MESSAGES)).isNull();
      assertThat(span.getAttributes().get(TOOL_DEFINITIONS)).isNull();
      assertThat(span.getAttributes().toString())
          .doesNotContain("Paris")
          .doesNotContain("rainy")
          .doesNotContain("get_weather");
      assertThat(span.getEvents().toString()).doesNotContain("Paris").doesNotContain("rainy");
    }
  }
}
