package dev.llmobs.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.openai.client.OpenAIClient;
import com.openai.core.ObjectMappers;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.javalin.http.Context;

/** {@code POST /v1/chat/completions}: forwards through the real openai-java client. */
public final class ChatCompletionsRoute {

  private final OpenAIClient openAi;
  private final JsonMapper json = ObjectMappers.jsonMapper();

  public ChatCompletionsRoute(OpenAIClient openAi) {
    this.openAi = openAi;
  }

  public void handle(Context ctx) throws JsonProcessingException {
    ChatCompletionCreateParams.Body body = parse(ctx.body());
    ChatCompletion completion =
        openAi.chat().completions().create(ChatCompletionCreateParams.builder().body(body).build());
    ctx.contentType("application/json").result(json.writeValueAsString(completion));
  }

  private ChatCompletionCreateParams.Body parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw OpenAiError.invalidRequest("Request body is empty; expected a JSON object.", null);
    }
    ChatCompletionCreateParams.Body body;
    try {
      body = json.readValue(raw, ChatCompletionCreateParams.Body.class);
    } catch (JsonProcessingException e) {
      throw OpenAiError.invalidRequest(
          "Request body is not valid JSON: " + e.getOriginalMessage(), null);
    }
    try {
      body.validate();
    } catch (OpenAIInvalidDataException e) {
      throw OpenAiError.invalidRequest("Invalid request: " + e.getMessage(), null);
    }
    if (body.messages().isEmpty()) {
      throw OpenAiError.invalidRequest("'messages' must not be empty.", "messages");
    }
    return body;
  }
}
