package dev.llmobs.instrumentation.googlegenai;

import static dev.llmobs.testing.GenAiKeys.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.genai.types.GenerateContentResponse;
import dev.llmobs.testing.ToolSpans;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Function calling with google-genai against a fake Gemini server, content capture off: the finish
 * reason of a function call, each model round trip of automatic function calling a chat span of its
 * own with the methods' execute_tool spans between them, nothing of arguments, results or
 * declarations.
 */
class GeminiToolsTest extends GeminiAgentTest {

  @Test
  void functionCallFinishesWithToolCallAndRecordsNoContent() {
    server.enqueue(FakeGemini.json(GeminiTools.functionCall("resp-f1", "get_weather")));
    server.enqueue(FakeGemini.json(FakeGemini.hello("resp-f2", GeminiTools.MODEL)));

    GenerateContentResponse first =
        client.models.generateContent(GeminiTools.MODEL, "Weather?", GeminiTools.declared());
    client.models.generateContent(
        GeminiTools.MODEL, GeminiTools.afterToolCall(), GeminiTools.declared());

    assertThat(first.functionCalls()).hasSize(1);
    testing.waitForTraces(2);
    List<SpanData> spans = sorted();
    assertThat(spans.get(0).getAttributes().get(FINISH_REASONS)).containsExactly("tool_call");
    assertThat(spans.get(1).getAttributes().get(FINISH_REASONS)).containsExactly("stop");
    assertNoContent(spans);
  }

  @Test
  void automaticFunctionCallingIsOneChatSpanPerRoundTrip() {
    server.enqueue(FakeGemini.json(GeminiTools.functionCall("resp-a1", "getWeather")));
    server.enqueue(FakeGemini.json(FakeGemini.hello("resp-a2", GeminiTools.MODEL)));
    int before = GeminiTools.CALLS.get();

    GenerateContentResponse response =
        testing.runWithSpan(
            "parent",
            () ->
                client.models.generateContent(
                    GeminiTools.MODEL, "Weather?", GeminiTools.automatic("getWeather")));

    assertThat(response.text()).isEqualTo("Hello there");
    assertThat(GeminiTools.CALLS.get() - before).isEqualTo(1);
    testing.waitForTraces(1);
    List<SpanData> spans = sorted();
    ToolSpans.assertLoop(spans, "chat gemini-2.0-flash", "getWeather");
    assertThat(spans.get(1).getKind()).isEqualTo(SpanKind.CLIENT);
    // Each round trip's own usage.
    assertThat(spans.get(1).getAttributes().get(INPUT_TOKENS)).isEqualTo(30L);
    assertThat(spans.get(1).getAttributes().get(OUTPUT_TOKENS)).isEqualTo(12L);
    assertThat(spans.get(3).getAttributes().get(INPUT_TOKENS)).isEqualTo(21L);
    // The SDK hands the method no call id.
    assertThat(spans.get(2).getAttributes().get(TOOL_CALL_ID)).isNull();
    assertNoContent(spans);
  }

  @Test
  void failingMethodIsAnErroredToolSpanAndTheLoopGoesOn() {
    server.enqueue(FakeGemini.json(GeminiTools.functionCall("resp-e1", "getAirQuality")));
    server.enqueue(FakeGemini.json(FakeGemini.hello("resp-e2", GeminiTools.MODEL)));

    GenerateContentResponse response =
        testing.runWithSpan(
            "parent",
            () ->
                client.models.generateContent(
                    GeminiTools.MODEL, "Air?", GeminiTools.automatic("getAirQuality")));

    // The SDK sent the failure to the model as the function's response, as without the agent.
    assertThat(response.text()).isEqualTo("Hello there");
    testing.waitForTraces(1);
    SpanData tool = sorted().get(2);
    assertThat(tool.getName()).isEqualTo("execute_tool getAirQuality");
    assertThat(tool.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(tool.getAttributes().get(ERROR_TYPE)).isEqualTo("java.lang.IllegalStateException");
    assertThat(tool.getEvents().toString()).doesNotContain("Paris");
    assertNoContent(testing.spans());
  }

  private static List<SpanData> sorted() {
    return ToolSpans.inStartOrder(testing.spans());
  }

  static void assertNoContent(List<SpanData> spans) {
    ToolSpans.assertNoContent(spans, "Paris", "rainy");
  }
}
