package dev.llmobs.instrumentation.springai;

import static dev.llmobs.testing.GenAiKeys.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;

/**
 * The Spring AI tool loop with content capture on (a JVM of its own, 400-character limit): the tool
 * span carries arguments and result, the chat spans the tool call, the tool result and the tool
 * definitions.
 */
class SpringAiToolsContentCaptureTest extends SpringAiAgentTest {

  @Test
  void toolArgumentsResultsPartsAndDefinitionsAreCaptured() {
    server.enqueue(ToolLoop.toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"));
    server.enqueue(FakeLlm.json(FakeLlm.chatCompletion("chatcmpl-2", "gpt-4o-mini", "Rainy.")));
    ChatModel model = SpringAiLine.openAiChat(setup());

    testing.runWithSpan(
        "parent", () -> ToolLoop.run(model, new WeatherTools().only("get_weather"), "Weather?"));

    testing.waitForTraces(1);
    List<SpanData> spans = ToolLoop.oneTrace(testing.spans(), 4);
    SpanData tool = spans.get(2);
    assertThat(tool.getAttributes().get(TOOL_CALL_ARGUMENTS)).isEqualTo("{\"city\":\"Paris\"}");
    assertThat(tool.getAttributes().get(TOOL_CALL_RESULT)).isEqualTo("\"rainy, 12C in Paris\"");

    SpanData first = spans.get(1);
    assertThat(first.getAttributes().get(OUTPUT_MESSAGES))
        .isEqualTo(
            "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_1\","
                + "\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}],"
                + "\"finish_reason\":\"tool_call\"}]");
    assertThat(first.getAttributes().get(TOOL_DEFINITIONS))
        .startsWith("[{\"type\":\"function\",\"name\":\"")
        .contains("\"name\":\"get_weather\",\"description\":\"Current weather of a city\"")
        .contains("\"parameters\":{");
    assertThat(spans.get(3).getAttributes().get(INPUT_MESSAGES))
        .isEqualTo(
            "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather?\"}]},"
                + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_1\","
                + "\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}]},"
                + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"call_1\","
                + "\"response\":\"\\\"rainy, 12C in Paris\\\"\"}]}]");
  }
}
