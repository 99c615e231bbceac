package dev.llmobs.instrumentation.springai;

import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;

/** Recorded-shape OpenAI and Anthropic wire responses for the fake server. */
final class FakeLlm {

  static final String API_KEY = "sk-test-secret-do-not-leak";

  static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  static MockResponse sse(String... events) {
    StringBuilder body = new StringBuilder();
    for (String event : events) {
      body.append("data: ").append(event).append("\n\n");
    }
    body.append("data: [DONE]\n\n");
    return new MockResponse()
        .setHeader("Content-Type", "text/event-stream")
        .setBody(body.toString());
  }

  /** Free text in an error body, which may quote the request: never on a span without capture. */
  static final String ERROR_MESSAGE = "Your prompt said hello and we failed";

  static MockResponse error(int status, String type) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody("{\"error\":{\"message\":\"" + ERROR_MESSAGE + "\",\"type\":\"" + type + "\"}}");
  }

  static MockResponse slow(String body, long millis) {
    return json(body).setHeadersDelay(millis, TimeUnit.MILLISECONDS);
  }

  /** 21 prompt tokens (5 cached), 7 completion tokens (2 reasoning). */
  static String chatCompletion(String id, String model, String content) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\""
        + model
        + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
        + content
        + "\"},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":21,\"completion_tokens\":7,\"total_tokens\":28,"
        + "\"prompt_tokens_details\":{\"cached_tokens\":5},"
        + "\"completion_tokens_details\":{\"reasoning_tokens\":2}}}";
  }

  static String toolCallCompletion(String id, String model) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\""
        + model
        + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
        + "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":"
        + "{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},"
        + "\"finish_reason\":\"tool_calls\"}],"
        + "\"usage\":{\"prompt_tokens\":30,\"completion_tokens\":12,\"total_tokens\":42}}";
  }

  static String chatChunk(String id, String content, String finishReason) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
        + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"delta\":{"
        + (content == null ? "" : "\"role\":\"assistant\",\"content\":\"" + content + "\"")
        + "},\"finish_reason\":"
        + (finishReason == null ? "null" : "\"" + finishReason + "\"")
        + "}]}";
  }

  static String usageChunk(String id, long input, long output) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
        + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[],\"usage\":{\"prompt_tokens\":"
        + input
        + ",\"completion_tokens\":"
        + output
        + ",\"total_tokens\":"
        + (input + output)
        + "}}";
  }

  static MockResponse helloStream(String id) {
    return sse(
        chatChunk(id, "Hel", null),
        chatChunk(id, "lo", null),
        chatChunk(id, null, "stop"),
        usageChunk(id, 9, 3));
  }

  static String embeddings(String model, long tokens) {
    return "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,"
        + "\"embedding\":[0.1,0.2,0.3]}],\"model\":\""
        + model
        + "\",\"usage\":{\"prompt_tokens\":"
        + tokens
        + ",\"total_tokens\":"
        + tokens
        + "}}";
  }

  /** 10 input tokens besides 100 read from and 20 written to the cache, 5 output tokens. */
  static String anthropicMessage(String id, String model) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\""
        + model
        + "\",\"content\":[{\"type\":\"text\",\"text\":\"Bonjour\"}],"
        + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
        + "\"usage\":{\"input_tokens\":10,\"cache_creation_input_tokens\":20,"
        + "\"cache_read_input_tokens\":100,\"output_tokens\":5}}";
  }

  private FakeLlm() {}
}
