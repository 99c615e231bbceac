package dev.llmobs.instrumentation.springai;

import static dev.llmobs.testing.GenAiKeys.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmobs.testing.ToolSpans;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;

/**
 * A ChatClient call with {@code @Tool} methods: on 1.1 the model runs the tool loop inside its
 * call, on 2.0 the ChatClient's own ToolCallingAdvisor does, calling the model once per round. The
 * trace is the same on both lines: chat, execute_tool, chat under the caller's span, each chat span
 * with its own round's usage.
 */
class SpringAiChatClientToolsTest extends SpringAiAgentTest {

  @Test
  void chatClientToolLoopIsOneChatSpanPerRoundTrip() {
    server.enqueue(ToolLoop.toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"));
    server.enqueue(FakeLlm.json(FakeLlm.chatCompletion("chatcmpl-2", "gpt-4o-mini", "Rainy.")));
    ChatClient client = ChatClient.create(SpringAiLine.openAiChat(setup()));
    WeatherTools tools = new WeatherTools();

    String answer =
        testing.runWithSpan(
            "parent",
            () -> client.prompt().user("Weather in Paris?").tools(tools).call().content());

    assertThat(answer).isEqualTo("Rainy.");
    assertThat(tools.calls).hasValue(1);
    testing.waitForTraces(1);
    List<SpanData> spans = ToolLoop.oneTrace(testing.spans(), 4);
    ToolSpans.assertLoop(spans, "chat gpt-4o-mini", "get_weather");
    assertThat(spans.get(1).getAttributes().get(INPUT_TOKENS)).isEqualTo(30L);
    assertThat(spans.get(1).getAttributes().get(OUTPUT_TOKENS)).isEqualTo(12L);
    assertThat(spans.get(3).getAttributes().get(INPUT_TOKENS)).isEqualTo(21L);
    assertThat(spans.get(3).getAttributes().get(OUTPUT_TOKENS)).isEqualTo(7L);
    assertThat(spans.get(2).getAttributes().get(TOOL_CALL_ID)).isEqualTo("call_1");
    SpringAiToolsTest.assertNoContent(spans);
  }
}
