package dev.llmobs.instrumentation.langchain4j.agents;

import static dev.llmobs.testing.GenAiKeys.AGENT_NAME;
import static dev.llmobs.testing.GenAiKeys.ERROR_TYPE;
import static dev.llmobs.testing.GenAiKeys.FINISH_REASONS;
import static dev.llmobs.testing.GenAiKeys.OPERATION;
import static dev.llmobs.testing.GenAiKeys.PROVIDER;
import static dev.llmobs.testing.GenAiKeys.TOOL_CALL_ID;
import static dev.llmobs.testing.GenAiKeys.TOOL_NAME;
import static dev.llmobs.testing.GenAiKeys.TOOL_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.llmobs.testing.ToolSpans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A LangChain4j AI Service with tools against a fake OpenAI server, content capture off: one trace,
 * {@code invoke_agent} around the chat calls and the {@code execute_tool} spans of the tools the
 * model asked for, nothing of the arguments or results.
 */
class LangChain4jAiServiceTest extends AgentTraces {

  interface Assistant {
    String chat(String message);
  }

  @Test
  void aiServiceWithTwoToolsIsOneTrace() throws Exception {
    server.enqueue(
        AgentWire.toolCalls(
            new String[] {"call_1", "getWeather", "{\"city\":\"Paris\"}"},
            new String[] {"call_2", "getTime", "{\"city\":\"Paris\"}"}));
    server.enqueue(AgentWire.answer("Rainy at ten."));
    WeatherTools tools = new WeatherTools();
    Assistant assistant =
        AiServices.builder(Assistant.class).chatModel(model()).tools(tools).build();

    assertThat(assistant.chat("Weather and time in Paris?")).isEqualTo("Rainy at ten.");
    assertThat(tools.calls).hasValue(2);

    List<SpanData> spans = oneTrace(5);
    assertThat(spans)
        .extracting(SpanData::getName)
        .containsExactly(
            "invoke_agent Assistant",
            "chat gpt-4o-mini",
            "execute_tool getWeather",
            "execute_tool getTime",
            "chat gpt-4o-mini");
    SpanData agent = spans.get(0);
    assertThat(agent.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(agent.getParentSpanId()).isEqualTo(SpanData.class.cast(agent).getParentSpanId());
    assertThat(agent.getParentSpanContext().isValid()).isFalse();
    assertThat(agent.getAttributes().get(OPERATION)).isEqualTo("invoke_agent");
    assertThat(agent.getAttributes().get(AGENT_NAME)).isEqualTo("Assistant");
    assertThat(agent.getAttributes().get(PROVIDER)).isEqualTo("openai");
    for (SpanData child : spans.subList(1, 5)) {
      assertThat(child.getParentSpanId()).as(child.getName()).isEqualTo(agent.getSpanId());
    }
    assertThat(spans.get(1).getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(spans.get(1).getAttributes().get(FINISH_REASONS)).containsExactly("tool_call");
    assertThat(spans.get(4).getAttributes().get(FINISH_REASONS)).containsExactly("stop");

    SpanData weather = spans.get(2);
    assertThat(weather.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(weather.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(weather.getAttributes().get(OPERATION)).isEqualTo("execute_tool");
    assertThat(weather.getAttributes().get(TOOL_NAME)).isEqualTo("getWeather");
    assertThat(weather.getAttributes().get(TOOL_CALL_ID)).isEqualTo("call_1");
    assertThat(weather.getAttributes().get(TOOL_TYPE)).isEqualTo("function");
    assertThat(spans.get(3).getAttributes().get(TOOL_CALL_ID)).isEqualTo("call_2");
    assertNoContent(spans);

    List<HistogramPointData> points = toolDurationPoints(2);
    assertThat(points)
        .extracting(p -> p.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.name")))
        .contains("getWeather", "getTime");
  }

  @Test
  void toolsRunConcurrentlyAreChildrenOfTheAgentToo() {
    server.enqueue(
        AgentWire.toolCalls(
            new String[] {"call_1", "getWeather", "{\"city\":\"Paris\"}"},
            new String[] {"call_2", "getTime", "{\"city\":\"Paris\"}"}));
    server.enqueue(AgentWire.answer("Rainy at ten."));
    Assistant assistant =
        AiServices.builder(Assistant.class)
            .chatModel(model())
            .tools(new WeatherTools())
            .executeToolsConcurrently()
            .build();

    assertThat(assistant.chat("Weather and time in Paris?")).isEqualTo("Rainy at ten.");

    List<SpanData> spans = oneTrace(5);
    String agent = named(spans, "invoke_agent Assistant").getSpanId();
    assertThat(named(spans, "execute_tool getWeather").getParentSpanId()).isEqualTo(agent);
    assertThat(named(spans, "execute_tool getTime").getParentSpanId()).isEqualTo(agent);
  }

  @Test
  void failingToolIsAnErroredToolSpanAndTheRunGoesOn() {
    server.enqueue(
        AgentWire.toolCalls(new String[] {"call_9", "getAirQuality", "{\"city\":\"Paris\"}"}));
    server.enqueue(AgentWire.answer("No air quality today."));
    Assistant assistant =
        AiServices.builder(Assistant.class).chatModel(model()).tools(new WeatherTools()).build();

    assertThat(assistant.chat("Air in Paris?")).isEqualTo("No air quality today.");

    List<SpanData> spans = oneTrace(4);
    SpanData tool = named(spans, "execute_tool getAirQuality");
    assertThat(tool.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(tool.getAttributes().get(ERROR_TYPE)).isEqualTo("java.lang.IllegalStateException");
    // Content capture is off: the exception's message (which names the city) is not recorded.
    assertThat(tool.getEvents().toString()).doesNotContain("Paris");
    SpanData agent = named(spans, "invoke_agent Assistant");
    assertThat(agent.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertNoContent(spans);
  }

  @Test
  void programmaticToolExecutorIsTracedToo() {
    server.enqueue(AgentWire.toolCalls(new String[] {"call_5", "lookup", "{\"q\":\"Paris\"}"}));
    server.enqueue(AgentWire.answer("Found."));
    ToolSpecification lookup =
        ToolSpecification.builder()
            .name("lookup")
            .description("Looks things up")
            .parameters(JsonObjectSchema.builder().addStringProperty("q").build())
            .build();
    ToolExecutor executor = (request, memoryId) -> "found " + request.arguments();
    Assistant assistant =
        AiServices.builder(Assistant.class)
            .chatModel(model())
            .tools(Map.of(lookup, executor))
            .build();

    assertThat(assistant.chat("Look up Paris")).isEqualTo("Found.");

    List<SpanData> spans = oneTrace(4);
    SpanData tool = named(spans, "execute_tool lookup");
    assertThat(tool.getParentSpanId())
        .isEqualTo(named(spans, "invoke_agent Assistant").getSpanId());
    assertThat(tool.getAttributes().get(TOOL_CALL_ID)).isEqualTo("call_5");
    assertNoContent(spans);
  }

  @Test
  void aiServiceWithoutToolsIsAgentAndChat() {
    server.enqueue(AgentWire.answer("Hi."));
    Assistant assistant = AiServices.builder(Assistant.class).chatModel(model()).build();

    assertThat(assistant.chat("Hello")).isEqualTo("Hi.");
    // Object methods of the proxy are no agent runs.
    assertThat(assistant.toString()).contains("Assistant");

    List<SpanData> spans = oneTrace(2);
    assertThat(spans)
        .extracting(SpanData::getName)
        .containsExactly("invoke_agent Assistant", "chat gpt-4o-mini");
  }

  static void assertNoContent(List<SpanData> spans) {
    ToolSpans.assertNoContent(spans, "Paris", "rainy");
  }
}
