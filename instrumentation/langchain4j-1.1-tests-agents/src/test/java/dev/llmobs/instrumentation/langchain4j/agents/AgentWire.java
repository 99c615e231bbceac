package dev.llmobs.instrumentation.langchain4j.agents;

import okhttp3.mockwebserver.MockResponse;

/** OpenAI chat completions that ask for tools, or answer, in recorded shape. */
final class AgentWire {

  static final String MODEL = "gpt-4o-mini";

  /** A completion asking for {@code calls}, each {@code {id, name, arguments JSON}}. */
  static MockResponse toolCalls(String[]... calls) {
    StringBuilder toolCalls = new StringBuilder();
    for (String[] call : calls) {
      toolCalls
          .append(toolCalls.length() == 0 ? "" : ",")
          .append("{\"id\":\"")
          .append(call[0])
          .append("\",\"type\":\"function\",\"function\":{\"name\":\"")
          .append(call[1])
          .append("\",\"arguments\":\"")
          .append(call[2].replace("\"", "\\\""))
          .append("\"}}");
    }
    return completion(
        "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" + toolCalls + "]}",
        "tool_calls");
  }

  static MockResponse answer(String text) {
    return completion("{\"role\":\"assistant\",\"content\":\"" + text + "\"}", "stop");
  }

  private static MockResponse completion(String message, String finishReason) {
    return new MockResponse()
        .setHeader("Content-Type", "application/json")
        .setBody(
            "{\"id\":\"chatcmpl-a\",\"object\":\"chat.completion\",\"created\":1700000000,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":"
                + message
                + ",\"finish_reason\":\""
                + finishReason
                + "\"}],\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":8,"
                + "\"total_tokens\":48}}");
  }

  private AgentWire() {}
}
