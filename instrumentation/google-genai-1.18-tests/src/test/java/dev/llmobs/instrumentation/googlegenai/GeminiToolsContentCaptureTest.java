package dev.llmobs.instrumentation.googlegenai;

import static dev.llmobs.testing.GenAiKeys.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmobs.testing.ToolSpans;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Function calling with content capture on (a JVM of its own, 400-character limit): function calls
 * and responses as parts, declarations as tool definitions, arguments and results of the methods
 * automatic function calling runs.
 */
class GeminiToolsContentCaptureTest extends GeminiAgentTest {

  @Test
  void functionCallsResponsesAndDeclarationsAreCaptured() {
    server.enqueue(FakeGemini.json(GeminiTools.functionCall("resp-c1", "get_weather")));
    server.enqueue(FakeGemini.json(FakeGemini.hello("resp-c2", GeminiTools.MODEL)));

    client.models.generateContent(GeminiTools.MODEL, "Weather?", GeminiTools.declared());
    client.models.generateContent(
        GeminiTools.MODEL, GeminiTools.afterToolCall(), GeminiTools.declared());

    testing.waitForTraces(2);
    List<SpanData> spans = sorted();
    assertThat(spans.get(0).getAttributes().get(OUTPUT_MESSAGES))
        .isEqualTo(
            "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"name\":\"get_weather\","
                + "\"arguments\":{\"city\":\"Paris\"}}],\"finish_reason\":\"tool_call\"}]");
    assertThat(spans.get(0).getAttributes().get(TOOL_DEFINITIONS))
        .startsWith(
            "[{\"type\":\"function\",\"name\":\"get_weather\","
                + "\"description\":\"Current weather of a city\",\"parameters\":{")
        .contains("\"city\"");
    assertThat(spans.get(1).getAttributes().get(INPUT_MESSAGES))
        .isEqualTo(
            "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather?\"}]},"
                + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\","
                + "\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}]},"
                + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\","
                + "\"response\":\"{\\\"result\\\":\\\"rainy, 12C in Paris\\\"}\"}]}]");
  }

  @Test
  void automaticFunctionCallingCapturesArgumentsResultsAndDeclarations() {
    server.enqueue(FakeGemini.json(GeminiTools.functionCall("resp-c3", "getWeather")));
    server.enqueue(FakeGemini.json(FakeGemini.hello("resp-c4", GeminiTools.MODEL)));

    testing.runWithSpan(
        "parent",
        () ->
            client.models.generateContent(
                GeminiTools.MODEL, "Weather?", GeminiTools.automatic("getWeather")));

    testing.waitForTraces(1);
    List<SpanData> spans = sorted();
    SpanData tool = spans.get(2);
    assertThat(tool.getName()).isEqualTo("execute_tool getWeather");
    assertThat(tool.getAttributes().get(TOOL_CALL_ARGUMENTS)).isEqualTo("{\"city\":\"Paris\"}");
    assertThat(tool.getAttributes().get(TOOL_CALL_RESULT)).isEqualTo("rainy, 12C in Paris");
    // Each round's request declares the method as the SDK sends it.
    assertThat(spans.get(1).getAttributes().get(TOOL_DEFINITIONS))
        .startsWith("[{\"type\":\"function\",\"name\":\"getWeather\"");
    assertThat(spans.get(3).getAttributes().get(INPUT_MESSAGES))
        .contains("{\"type\":\"tool_call\",\"name\":\"getWeather\"")
        .contains("\"type\":\"tool_call_response\"")
        .contains("rainy, 12C in Paris");
  }

  private static List<SpanData> sorted() {
    return ToolSpans.inStartOrder(testing.spans());
  }
}
