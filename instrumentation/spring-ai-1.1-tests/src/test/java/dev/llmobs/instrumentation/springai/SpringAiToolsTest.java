package dev.llmobs.instrumentation.springai;

import static dev.llmobs.testing.GenAiKeys.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmobs.testing.ToolSpans;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.function.FunctionToolCallback;

/**
 * Spring AI tool callbacks against a fake OpenAI server, content capture off: each model round trip
 * a chat span of its own, each tool an execute_tool span, all children of the span that drives the
 * loop; nothing of arguments, results or tool definitions.
 */
class SpringAiToolsTest extends SpringAiAgentTest {

  record City(String city) {}

  @Test
  void toolCallbackRoundTripIsOneTrace() {
    server.enqueue(ToolLoop.toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"));
    server.enqueue(FakeLlm.json(FakeLlm.chatCompletion("chatcmpl-2", "gpt-4o-mini", "Rainy.")));
    ChatModel model = SpringAiLine.openAiChat(setup());
    WeatherTools tools = new WeatherTools();

    String answer =
        testing.runWithSpan(
            "parent", () -> ToolLoop.run(model, tools.callbacks(), "Weather in Paris?"));

    assertThat(answer).isEqualTo("Rainy.");
    assertThat(tools.calls).hasValue(1);
    testing.waitForTraces(1);
    List<SpanData> spans = ToolLoop.oneTrace(testing.spans(), 4);
    assertWeatherLoop(spans);
    assertThat(spans.get(2).getAttributes().get(TOOL_DESCRIPTION))
        .isEqualTo("Current weather of a city");
  }

  @Test
  void failingToolMethodIsAnErroredToolSpanAndTheLoopGoesOn() {
    server.enqueue(ToolLoop.toolCall("call_9", "get_air_quality", "{\"city\":\"Paris\"}"));
    server.enqueue(FakeLlm.json(FakeLlm.chatCompletion("chatcmpl-3", "gpt-4o-mini", "No data.")));
    ChatModel model = SpringAiLine.openAiChat(setup());

    String answer =
        testing.runWithSpan(
            "parent", () -> ToolLoop.run(model, new WeatherTools().callbacks(), "Air in Paris?"));

    // Spring AI sent the method's failure to the model as the tool's result, as without the agent.
    assertThat(answer).isEqualTo("No data.");
    testing.waitForTraces(1);
    List<SpanData> spans = ToolLoop.oneTrace(testing.spans(), 4);
    SpanData tool = spans.get(2);
    assertThat(tool.getName()).isEqualTo("execute_tool get_air_quality");
    assertThat(tool.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(tool.getAttributes().get(ERROR_TYPE)).isEqualTo("java.lang.IllegalStateException");
    assertThat(tool.getAttributes().get(TOOL_CALL_ID)).isEqualTo("call_9");
    // Content capture is off: the exception's message (which names the city) is not recorded.
    assertThat(tool.getEvents().toString()).doesNotContain("Paris");
    assertThat(spans.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertNoContent(spans);
  }

  @Test
  void failingFunctionCallbackIsAnErroredToolSpanToo() {
    server.enqueue(ToolLoop.toolCall("call_4", "lookup", "{\"city\":\"Paris\"}"));
    server.enqueue(FakeLlm.json(FakeLlm.chatCompletion("chatcmpl-4", "gpt-4o-mini", "Unknown.")));
    ToolCallback lookup =
        FunctionToolCallback.builder(
                "lookup",
                (Function<City, String>)
                    city -> {
                      throw new IllegalArgumentException("unknown city " + city.city());
                    })
            .description("Looks a city up")
            .inputType(City.class)
            .build();
    ChatModel model = SpringAiLine.openAiChat(setup());

    String answer =
        testing.runWithSpan("parent", () -> ToolLoop.run(model, List.of(lookup), "Look up Paris"));

    assertThat(answer).isEqualTo("Unknown.");
    testing.waitForTraces(1);
    SpanData tool = ToolLoop.oneTrace(testing.spans(), 4).get(2);
    assertThat(tool.getName()).isEqualTo("execute_tool lookup");
    assertThat(tool.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(tool.getAttributes().get(ERROR_TYPE))
        .isEqualTo("java.lang.IllegalArgumentException");
    assertThat(tool.getAttributes().get(TOOL_CALL_ID)).isEqualTo("call_4");
    assertThat(tool.getAttributes().get(TOOL_DESCRIPTION)).isEqualTo("Looks a city up");
    assertNoContent(testing.spans());
  }

  /**
   * The get_weather loop of the fake server's two answers: chat (30 in, 12 out), execute_tool
   * call_1, chat (21 in, 7 out) under the first span, each chat span with its own round's usage; no
   * content.
   */
  static void assertWeatherLoop(List<SpanData> spans) {
    ToolSpans.assertLoop(spans, "chat gpt-4o-mini", "get_weather");
    assertThat(spans.get(1).getAttributes().get(INPUT_TOKENS)).isEqualTo(30L);
    assertThat(spans.get(1).getAttributes().get(OUTPUT_TOKENS)).isEqualTo(12L);
    assertThat(spans.get(3).getAttributes().get(INPUT_TOKENS)).isEqualTo(21L);
    assertThat(spans.get(3).getAttributes().get(OUTPUT_TOKENS)).isEqualTo(7L);
    assertThat(spans.get(2).getAttributes().get(TOOL_CALL_ID)).isEqualTo("call_1");
    assertNoContent(spans);
  }

  static void assertNoContent(List<SpanData> spans) {
    ToolSpans.assertNoContent(spans, "Paris", "rainy");
  }
}
