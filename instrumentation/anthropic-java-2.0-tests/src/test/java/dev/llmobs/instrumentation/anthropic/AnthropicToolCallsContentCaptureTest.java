package dev.llmobs.instrumentation.anthropic;

import static dev.llmobs.instrumentation.anthropic.AnthropicFixture.MODEL;
import static dev.llmobs.testing.GenAiKeys.FINISH_REASONS;
import static dev.llmobs.testing.GenAiKeys.INPUT_MESSAGES;
import static dev.llmobs.testing.GenAiKeys.OUTPUT_MESSAGES;
import static dev.llmobs.testing.GenAiKeys.TOOL_DEFINITIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.core.ObjectMappers;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An Anthropic tool round trip with content capture on (a JVM of its own): {@code tool_use} blocks
 * are {@code tool_call} parts, {@code tool_result} blocks sent back a {@code tool} message of
 * {@code tool_call_response} parts, the tools offered the tool definitions; streamed {@code
 * input_json_delta} pieces are assembled.
 */
class AnthropicToolCallsContentCaptureTest extends AnthropicAgentTest {

  static final String TOOLS =
      "[{\"name\":\"get_weather\",\"description\":\"Current weather\",\"input_schema\":"
          + "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}]";

  static final String TOOL_USE =
      "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\","
          + "\"input\":{\"city\":\"Paris\"}}";

  static final String OUTPUT =
      "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Checking.\"},"
          + "{\"type\":\"tool_call\",\"id\":\"toolu_1\",\"name\":\"get_weather\","
          + "\"arguments\":{\"city\":\"Paris\"}}],\"finish_reason\":\"tool_use\"}]";

  @Test
  void toolUseRoundTrip() throws Exception {
    server.reply("tool-use.json").reply("chat.json");

    client.messages().create(params("[" + ask() + "]"));
    client
        .messages()
        .create(
            params(
                "["
                    + ask()
                    + ",{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":"
                    + "\"Checking.\"},"
                    + TOOL_USE
                    + "]},{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
                    + "\"tool_use_id\":\"toolu_1\",\"content\":\"rainy, 12C\"}]}]"));

    List<SpanData> spans = awaitSpans(2);
    SpanData call = spans.get(0);
    assertThat(call.getAttributes().get(FINISH_REASONS)).containsExactly("tool_use");
    assertThat(call.getAttributes().get(OUTPUT_MESSAGES)).isEqualTo(OUTPUT);
    assertThat(call.getAttributes().get(TOOL_DEFINITIONS))
        .isEqualTo(
            "[{\"type\":\"function\",\"name\":\"get_weather\",\"description\":\"Current weather\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":"
                + "{\"type\":\"string\"}}}}]");
    assertThat(spans.get(1).getAttributes().get(INPUT_MESSAGES))
        .isEqualTo(
            "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather in Paris?\"}]},"
                + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Checking.\"},"
                + "{\"type\":\"tool_call\",\"id\":\"toolu_1\",\"name\":\"get_weather\","
                + "\"arguments\":{\"city\":\"Paris\"}}]},{\"role\":\"tool\",\"parts\":"
                + "[{\"type\":\"tool_call_response\",\"id\":\"toolu_1\",\"response\":"
                + "\"rainy, 12C\"}]}]");
  }

  @Test
  void streamedToolUseIsAssembledFromItsPieces() throws Exception {
    server.reply("tool-use-stream.sse");

    try (StreamResponse<RawMessageStreamEvent> stream =
        client.messages().createStreaming(params("[" + ask() + "]"))) {
      stream.stream().forEach(event -> {});
    }

    SpanData span = awaitSpans(1).get(0);
    assertThat(span.getAttributes().get(FINISH_REASONS)).containsExactly("tool_use");
    assertThat(span.getAttributes().get(OUTPUT_MESSAGES))
        .isEqualTo(OUTPUT.replace("{\"city\":\"Paris\"}", "{\"city\": \"Paris\"}"));
  }

  static String ask() {
    return "{\"role\":\"user\",\"content\":\"Weather in Paris?\"}";
  }

  static MessageCreateParams params(String messages) throws Exception {
    String body =
        "{\"model\":\""
            + MODEL
            + "\",\"max_tokens\":256,\"tools\":"
            + TOOLS
            + ",\"messages\":"
            + messages
            + "}";
    return MessageCreateParams.builder()
        .body(ObjectMappers.jsonMapper().readValue(body, MessageCreateParams.Body.class))
        .build();
  }

  List<SpanData> awaitSpans(int count) {
    testing.waitForTraces(count);
    List<SpanData> spans = new ArrayList<>(testing.spans());
    spans.sort(Comparator.comparingLong(SpanData::getStartEpochNanos));
    assertThat(spans).hasSize(count);
    return spans;
  }
}
