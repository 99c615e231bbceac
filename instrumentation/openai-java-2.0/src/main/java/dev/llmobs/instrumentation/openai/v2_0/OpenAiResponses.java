package dev.llmobs.instrumentation.openai.v2_0;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.JsonField;
import com.openai.models.ResponsesModel;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseUsage;
import dev.llmobs.genai.GenAiJsonContent;
import dev.llmobs.genai.GenAiMessages;
import dev.llmobs.genai.GenAiRequest;
import dev.llmobs.genai.GenAiResponse;
import dev.llmobs.genai.GenAiSemconv;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Optional;

/**
 * The Responses API. Accessors are picked to link against every supported SDK version: {@code
 * model()} changed its return type between 2.x and 4.x, so the raw {@code _model()} field is read.
 */
final class OpenAiResponses {

  // ResponseCreateParams._conversation() exists only in newer SDKs.
  private static final Method CONVERSATION = conversationAccessor();

  static GenAiRequest request(ResponseCreateParams params, boolean stream, int capture) {
    GenAiRequest request =
        new GenAiRequest(GenAiSemconv.OPERATION_CHAT, GenAiSemconv.PROVIDER_OPENAI)
            .requestModel(modelName(params._model().asKnown())).stream(stream)
                .temperature(params.temperature().orElse(null))
                .topP(params.topP().orElse(null))
                .maxTokens(params.maxOutputTokens().orElse(null));
    String conversation = conversationId(params);
    request.conversationId(
        conversation != null ? conversation : params.previousResponseId().orElse(null));
    if (capture > 0) {
      JsonNode body = OpenAiChat.tree(params._body());
      request
          .inputMessages(GenAiJsonContent.inputMessages(body, capture))
          .toolDefinitions(GenAiJsonContent.toolDefinitions(body.get("tools"), capture));
    }
    return request;
  }

  static GenAiResponse response(Response result, int capture) {
    GenAiResponse response =
        new GenAiResponse()
            .responseId(result.id())
            .responseModel(modelName(Optional.of(result.model())));
    String finishReason = finishReason(result);
    if (finishReason != null) {
      response.finishReasons(Collections.singletonList(finishReason));
    }
    if (result.usage().isPresent()) {
      ResponseUsage usage = result.usage().get();
      // Like chat completions: input includes cached tokens, output includes reasoning.
      response
          .inputTokens(usage.inputTokens())
          .outputTokens(usage.outputTokens())
          .cacheReadInputTokens(usage.inputTokensDetails().cachedTokens())
          .reasoningOutputTokens(usage.outputTokensDetails().reasoningTokens());
    }
    if (result.error().isPresent()) {
      response.errorType(result.error().get().code().asString());
    }
    if (capture > 0) {
      GenAiMessages output = new GenAiMessages().message("assistant", finishReason);
      GenAiJsonContent.outputParts(output, OpenAiChat.tree(result).path("output"));
      response.outputMessages(output.toJson(capture));
    }
    return response;
  }

  // Chat-completion vocabulary for the Responses API's status; a completed response that asks for
  // function calls has finish reason tool_calls, as a chat completion would.
  static String finishReason(Response result) {
    if (!result.status().isPresent()) {
      return null;
    }
    String status = result.status().get().asString();
    if ("completed".equals(status)) {
      return asksForTools(result) ? "tool_calls" : "stop";
    }
    if ("incomplete".equals(status) && result.incompleteDetails().isPresent()) {
      Optional<Response.IncompleteDetails.Reason> reason =
          result.incompleteDetails().get().reason();
      if (reason.isPresent()) {
        String value = reason.get().asString();
        return "max_output_tokens".equals(value) ? "length" : value;
      }
    }
    return "failed".equals(status) ? "error" : status;
  }

  private static boolean asksForTools(Response result) {
    for (ResponseOutputItem item : result.output()) {
      if (item.isFunctionCall()) {
        return true;
      }
    }
    return false;
  }

  static String modelName(Optional<ResponsesModel> model) {
    if (!model.isPresent()) {
      return null;
    }
    ResponsesModel value = model.get();
    if (value.isString()) {
      return value.asString();
    }
    if (value.isChat()) {
      return value.asChat().asString();
    }
    return value.isOnly() ? value.asOnly().asString() : null;
  }

  private static String conversationId(ResponseCreateParams params) {
    if (CONVERSATION == null) {
      return null;
    }
    try {
      Object field = CONVERSATION.invoke(params);
      Optional<?> known = ((JsonField<?>) field).asKnown();
      if (!known.isPresent()) {
        return null;
      }
      // A conversation is an id string or a {"id": ...} object; their JSON says which.
      JsonNode json = OpenAiChat.tree(known.get());
      return json.isTextual() ? json.asText() : json.path("id").asText(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static Method conversationAccessor() {
    try {
      return ResponseCreateParams.class.getMethod("_conversation");
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private OpenAiResponses() {}
}
