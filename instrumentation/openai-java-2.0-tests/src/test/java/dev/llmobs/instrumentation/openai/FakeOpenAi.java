package dev.llmobs.instrumentation.openai;

/**
 * Responses API bodies in the shape openai-java reads, built per test where the tests vary the id,
 * status and text (the chat and embeddings bodies are recordings in genai-testing).
 */
final class FakeOpenAi {

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

  private FakeOpenAi() {}
}
