package dev.llmobs.instrumentation.springai;

import static org.assertj.core.api.Assertions.assertThat;

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
    SpringAiToolsTest.assertWeatherLoop(ToolLoop.oneTrace(testing.spans(), 4));
  }
}
