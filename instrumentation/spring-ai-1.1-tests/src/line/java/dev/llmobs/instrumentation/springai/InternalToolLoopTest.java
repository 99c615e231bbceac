package dev.llmobs.instrumentation.springai;

import static dev.llmobs.testing.GenAiKeys.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Spring AI 1.1's internal tool execution: the model runs the tools and calls itself again, all in
 * one {@code call}. That call is cut into its round trips: chat, execute_tool, chat, each a child
 * of the caller's span, each chat span with its own round's usage and HTTP request.
 */
class InternalToolLoopTest extends SpringAiAgentTest {

  @Test
  void theModelsOwnToolLoopIsOneChatSpanPerRoundTrip() {
    server.enqueue(ToolLoop.toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"));
    server.enqueue(FakeLlm.json(FakeLlm.chatCompletion("chatcmpl-2", "gpt-4o-mini", "Rainy.")));
    ChatModel model = SpringAiLine.openAiChat(setup().httpSpans());
    WeatherTools tools = new WeatherTools();

    ChatResponse response =
        testing.runWithSpan(
            "parent",
            () ->
                model.call(
                    new Prompt(
                        "Weather in Paris?", SpringAiLine.internalToolOptions(tools.callbacks()))));

    assertThat(response.getResult().getOutput().getText()).isEqualTo("Rainy.");
    // What Spring AI reports to the application: the usage summed over both rounds.
    assertThat(response.getMetadata().getUsage().getPromptTokens()).isEqualTo(51);
    testing.waitForTraces(1);
    List<SpanData> spans = ToolLoop.oneTrace(testing.spans(), 6);
    assertThat(spans)
        .extracting(SpanData::getName)
        .containsExactly(
            "parent",
            "chat gpt-4o-mini",
            "HTTP POST",
            "execute_tool get_weather",
            "chat gpt-4o-mini",
            "HTTP POST");
    String parent = spans.get(0).getSpanId();
    SpanData first = spans.get(1);
    SpanData tool = spans.get(3);
    SpanData second = spans.get(4);
    assertThat(first.getParentSpanId()).isEqualTo(parent);
    assertThat(tool.getParentSpanId()).isEqualTo(parent);
    assertThat(second.getParentSpanId()).isEqualTo(parent);
    assertThat(spans.get(2).getParentSpanId()).isEqualTo(first.getSpanId());
    assertThat(spans.get(5).getParentSpanId()).isEqualTo(second.getSpanId());
    // Each round ended before the next began.
    assertThat(first.getEndEpochNanos()).isLessThanOrEqualTo(tool.getStartEpochNanos());
    assertThat(tool.getEndEpochNanos()).isLessThanOrEqualTo(second.getStartEpochNanos());

    assertThat(first.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(first.getAttributes().get(FINISH_REASONS)).containsExactly("tool_call");
    assertThat(first.getAttributes().get(INPUT_TOKENS)).isEqualTo(30L);
    assertThat(first.getAttributes().get(OUTPUT_TOKENS)).isEqualTo(12L);
    assertThat(second.getAttributes().get(FINISH_REASONS)).containsExactly("stop");
    assertThat(second.getAttributes().get(INPUT_TOKENS)).isEqualTo(21L);
    assertThat(second.getAttributes().get(OUTPUT_TOKENS)).isEqualTo(7L);
    assertThat(tool.getAttributes().get(TOOL_CALL_ID)).isEqualTo("call_1");
    assertThat(genAiSpans(spans)).hasSize(3);
    SpringAiToolsTest.assertNoContent(spans);
  }

  @Test
  void aCallWithToolsTheModelDoesNotAskForIsOneSpan() {
    server.enqueue(FakeLlm.json(FakeLlm.chatCompletion("chatcmpl-3", "gpt-4o-mini", "Hi.")));
    ChatModel model = SpringAiLine.openAiChat(setup());

    testing.runWithSpan(
        "parent",
        () ->
            model.call(
                new Prompt(
                    "Hello", SpringAiLine.internalToolOptions(new WeatherTools().callbacks()))));

    testing.waitForTraces(1);
    assertThat(ToolLoop.oneTrace(testing.spans(), 2))
        .extracting(SpanData::getName)
        .containsExactly("parent", "chat gpt-4o-mini");
  }
}
