package dev.llmobs.instrumentation.openai;

import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;

/** Recorded-shape OpenAI wire responses for the fake server. */
final class FakeOpenAi {

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

  static MockResponse error(int status, String type) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody("{\"error\":{\"message\":\"" + type + "\",\"type\":\"" + type + "\"}}");
  }

  static MockResponse slow(String body, long millis) {
    return json(body).setHeadersDelay(millis, TimeUnit.MILLISECONDS);
  }

  static String chatCompletion(String id, String model) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"chat.completion\",\"created\":1700000000,"
        + "\"model\":\""
        + model
        + "\",\"choices\":[{\"index\":0,\"message\":"
        + "{\"role\":\"assistant\",\"content\":\"Hello there\"},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":21,\"completion_tokens\":7,\"total_tokens\":28,"
        + "\"prompt_tokens_details\":{\"cached_tokens\":5},"
        + "\"completion_tokens_details\":{\"reasoning_tokens\":2}}}";
  }

  static String chatChunk(String id, String content, String finishReason) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
        + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"delta\":{"
        + (content == null ? "" : "\"content\":\"" + content + "\"")
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

  static String response(String id, String status, String text) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"response\",\"created_at\":1700000000,"
        + "\"model\":\"gpt-4.1-2025-04-14\",\"status\":\""
        + status
        + "\","
        + "\"output\":[{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"completed\","
        + "\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\""
        + text
        + "\",\"annotations\":[]}]}],"
        + "\"parallel_tool_calls\":true,\"tool_choice\":\"auto\",\"tools\":[],"
        + "\"usage\":{\"input_tokens\":30,\"input_tokens_details\":{\"cached_tokens\":10},"
        + "\"output_tokens\":12,\"output_tokens_details\":{\"reasoning_tokens\":4},"
        + "\"total_tokens\":42}}";
  }

  static String responseEvent(String type, String responseJson, int sequence) {
    return "{\"type\":\""
        + type
        + "\",\"sequence_number\":"
        + sequence
        + ",\"response\":"
        + responseJson
        + "}";
  }

  static String textDelta(String delta, int sequence) {
    return "{\"type\":\"response.output_text.delta\",\"sequence_number\":"
        + sequence
        + ",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\""
        + delta
        + "\"}";
  }

  static String embeddings(String model, long tokens) {
    return "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,"
        + "\"embedding\":[0.1,0.2,0.3]}],\"model\":\""
        + model
        + "\","
        + "\"usage\":{\"prompt_tokens\":"
        + tokens
        + ",\"total_tokens\":"
        + tokens
        + "}}";
  }

  private FakeOpenAi() {}
}
