package dev.llmobs.instrumentation.langchain4j.agents;

import static dev.llmobs.testing.GenAiKeys.INPUT_MESSAGES;
import static dev.llmobs.testing.GenAiKeys.OUTPUT_MESSAGES;
import static dev.llmobs.testing.GenAiKeys.TOOL_CALL_ARGUMENTS;
import static dev.llmobs.testing.GenAiKeys.TOOL_CALL_RESULT;
import static dev.llmobs.testing.GenAiKeys.TOOL_DEFINITIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.service.AiServices;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same AI Service with content capture on (a JVM of its own, 400-character limit): tool spans
 * carry their arguments and results, chat spans the tool calls, tool results and tool definitions.
 */
class LangChain4jAiServiceContentCaptureTest extends AgentTraces {

  interface Assistant {
    String chat(String message);
  }

  @Test
  void toolArgumentsResultsAndMessagesAreCaptured() {
    server.enqueue(
        AgentWire.toolCalls(new String[] {"call_1", "getWeather", "{\"city\":\"Paris\"}"}));
    server.enqueue(AgentWire.answer("Rainy."));
    Assistant assistant =
        AiServices.builder(Assistant.class).chatModel(model()).tools(new WeatherTools()).build();

    assistant.chat("Weather in Paris?");

    List<SpanData> spans = oneTrace(4);
    SpanData tool = named(spans, "execute_tool getWeather");
    assertThat(tool.getAttributes().get(TOOL_CALL_ARGUMENTS)).isEqualTo("{\"city\":\"Paris\"}");
    assertThat(tool.getAttributes().get(TOOL_CALL_RESULT)).isEqualTo("rainy, 12C in Paris");

    SpanData first = spans.get(1);
    assertThat(first.getAttributes().get(OUTPUT_MESSAGES))
        .isEqualTo(
            "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_1\","
                + "\"name\":\"getWeather\",\"arguments\":{\"city\":\"Paris\"}}],"
                + "\"finish_reason\":\"tool_call\"}]");
    assertThat(first.getAttributes().get(TOOL_DEFINITIONS))
        .startsWith("[{\"type\":\"function\",\"name\":\"")
        .contains("\"name\":\"getWeather\",\"description\":\"Current weather of a city\"")
        .contains("\"name\":\"getTime\"")
        .contains("\"name\":\"getAirQuality\"");
    assertThat(spans.get(3).getAttributes().get(INPUT_MESSAGES))
        .isEqualTo(
            "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather in Paris?\"}]},"
                + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_1\","
                + "\"name\":\"getWeather\",\"arguments\":{\"city\":\"Paris\"}}]},"
                + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"call_1\","
                + "\"response\":\"rainy, 12C in Paris\"}]}]");
  }

  @Test
  void longToolArgumentsAreCutLikeMessageContent() {
    StringBuilder city = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      city.append("Paris-");
    }
    server.enqueue(
        AgentWire.toolCalls(new String[] {"call_2", "getWeather", "{\"city\":\"" + city + "\"}"}));
    server.enqueue(AgentWire.answer("Rainy."));
    Assistant assistant =
        AiServices.builder(Assistant.class).chatModel(model()).tools(new WeatherTools()).build();

    assistant.chat("Weather?");

    SpanData tool = named(oneTrace(4), "execute_tool getWeather");
    assertThat(tool.getAttributes().get(TOOL_CALL_ARGUMENTS))
        .hasSize(400)
        .startsWith("{\"city\":\"Paris-")
        .endsWith("...[truncated]");
    assertThat(tool.getAttributes().get(TOOL_CALL_RESULT)).hasSize(400).endsWith("...[truncated]");
  }
}
