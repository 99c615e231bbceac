package dev.llmobs.instrumentation.openai;

import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.responses.ResponseCreateParams;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One tool loop on the wire, in the request and response shapes every supported openai-java reads
 * alike (the SDK's tool types changed between 2.x and 4.x, its JSON did not): a request offering
 * get_weather, the model's call of it, the request carrying the tool's result back.
 */
final class OpenAiToolCalls {

  static final String TOOLS =
      "[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"description\":"
          + "\"Current weather of a city\",\"parameters\":{\"type\":\"object\",\"properties\":"
          + "{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}}]";

  static final String ASK = "{\"role\":\"user\",\"content\":\"Weather in Paris?\"}";

  static final String CALL =
      "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_w\",\"type\":"
          + "\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":"
          + "\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}";

  static final String RESULT =
      "{\"role\":\"tool\",\"tool_call_id\":\"call_w\",\"content\":\"rainy, 12C\"}";

  /** The first request: the question and the tool on offer. */
  static ChatCompletionCreateParams firstRequest() {
    return chat("{\"model\":\"gpt-4o-mini\",\"messages\":[" + ASK + "],\"tools\":" + TOOLS + "}");
  }

  /** The second request: the question, the model's call and the tool's result. */
  static ChatCompletionCreateParams secondRequest() {
    return chat(
        "{\"model\":\"gpt-4o-mini\",\"messages\":["
            + ASK
            + ","
            + CALL
            + ","
            + RESULT
            + "],\"tools\":"
            + TOOLS
            + "}");
  }

  /** The model's answer to the first request: a call of get_weather. */
  static String toolCallCompletion() {
    return "{\"id\":\"chatcmpl-t1\",\"object\":\"chat.completion\",\"created\":1700000000,"
        + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":"
        + CALL
        + ",\"finish_reason\":\"tool_calls\"}],"
        + "\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":10,\"total_tokens\":60}}";
  }

  static String toolCallChunk(String deltaToolCall, String finishReason) {
    return "{\"id\":\"chatcmpl-ts\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
        + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"delta\":{"
        + (deltaToolCall == null ? "" : "\"tool_calls\":[" + deltaToolCall + "]")
        + "},\"finish_reason\":"
        + (finishReason == null ? "null" : "\"" + finishReason + "\"")
        + "}]}";
  }

  static ResponseCreateParams responsesFirstRequest() {
    return responses(
        "{\"model\":\"gpt-4.1\",\"input\":\"Weather in Paris?\",\"tools\":[{\"type\":\"function\","
            + "\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\"},\"strict\":false}]}");
  }

  static ResponseCreateParams responsesSecondRequest() {
    return responses(
        "{\"model\":\"gpt-4.1\",\"input\":[{\"role\":\"user\",\"content\":\"Weather in Paris?\"},"
            + "{\"type\":\"function_call\",\"call_id\":\"call_r\",\"name\":\"get_weather\","
            + "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"},"
            + "{\"type\":\"function_call_output\",\"call_id\":\"call_r\",\"output\":\"rainy, 12C\"}]}");
  }

  /** A Responses API response asking for get_weather. */
  static String responsesFunctionCall() {
    return "{\"id\":\"resp_t\",\"object\":\"response\",\"created_at\":1700000000,"
        + "\"model\":\"gpt-4.1-2025-04-14\",\"status\":\"completed\",\"output\":[{\"type\":"
        + "\"function_call\",\"id\":\"fc_1\",\"call_id\":\"call_r\",\"name\":\"get_weather\","
        + "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\",\"status\":\"completed\"}],"
        + "\"parallel_tool_calls\":true,\"tool_choice\":\"auto\",\"tools\":[],"
        + "\"usage\":{\"input_tokens\":30,\"input_tokens_details\":{\"cached_tokens\":0},"
        + "\"output_tokens\":12,\"output_tokens_details\":{\"reasoning_tokens\":0},"
        + "\"total_tokens\":42}}";
  }

  static ChatCompletionCreateParams chat(String body) {
    return ChatCompletionCreateParams.builder()
        .body(read(body, ChatCompletionCreateParams.Body.class))
        .build();
  }

  static ResponseCreateParams responses(String body) {
    return ResponseCreateParams.builder().body(read(body, ResponseCreateParams.Body.class)).build();
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return ObjectMappers.jsonMapper().readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private OpenAiToolCalls() {}
}
