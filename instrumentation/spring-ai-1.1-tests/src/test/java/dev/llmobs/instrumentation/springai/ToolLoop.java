package dev.llmobs.instrumentation.springai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmobs.testing.ToolSpans;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.DefaultToolCallingManager;
import org.springframework.ai.model.tool.ToolExecutionResult;
import org.springframework.ai.tool.ToolCallback;

/**
 * The tool loop as an application runs it itself with Spring AI's {@code ToolCallingManager}
 * (user-controlled tool execution, the same on both lines), and reading the finished trace.
 */
final class ToolLoop {

  /** A completion asking for one tool call, 30 prompt and 12 completion tokens. */
  static MockResponse toolCall(String id, String name, String arguments) {
    return FakeLlm.json(
        "{\"id\":\"chatcmpl-t\",\"object\":\"chat.completion\",\"created\":1700000000,"
            + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
            + "\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\""
            + id
            + "\",\"type\":\"function\",\"function\":{\"name\":\""
            + name
            + "\",\"arguments\":\""
            + arguments.replace("\"", "\\\"")
            + "\"}}]},\"finish_reason\":\"tool_calls\"}],"
            + "\"usage\":{\"prompt_tokens\":30,\"completion_tokens\":12,\"total_tokens\":42}}");
  }

  /** Model call, tools, model call: what the application gets back at the end. */
  static String run(ChatModel model, List<ToolCallback> tools, String question) {
    Prompt prompt = new Prompt(question, SpringAiLine.toolOptions(tools));
    ChatResponse response = model.call(prompt);
    ToolExecutionResult tools1 =
        DefaultToolCallingManager.builder().build().executeToolCalls(prompt, response);
    Prompt next = new Prompt(tools1.conversationHistory(), prompt.getOptions());
    return model.call(next).getResult().getOutput().getText();
  }

  /** The spans of the one trace there is, in start order. */
  static List<SpanData> oneTrace(List<SpanData> finished, int spans) {
    List<SpanData> all = ToolSpans.inStartOrder(finished);
    assertThat(all).as(all.toString()).hasSize(spans);
    assertThat(all.stream().map(SpanData::getTraceId).distinct()).hasSize(1);
    return all;
  }

  private ToolLoop() {}
}
