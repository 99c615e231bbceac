package dev.llmobs.instrumentation.openai;

import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.responses.ResponseCreateParams;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The requests of one tool loop, as JSON that every supported openai-java reads alike (the SDK's
 * tool types changed between 2.x and 4.x, its JSON did not): a request offering get_weather, the
 * request carrying the model's call (the recording chat-tool-call.json) and the tool's result back.
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
