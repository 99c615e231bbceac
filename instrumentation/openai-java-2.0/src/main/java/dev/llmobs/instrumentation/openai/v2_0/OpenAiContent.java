package dev.llmobs.instrumentation.openai.v2_0;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.ObjectMappers;
import dev.llmobs.genai.GenAiMessages;

/**
 * Message text for opt-in content capture, read from the SDK's own JSON form of a request or
 * response (the wire shape is stable where the Kotlin model classes are not). Only text parts are
 * captured; tool calls, images and audio are left out.
 */
final class OpenAiContent {

  // convertValue, not valueToTree: the latter's descriptor names jackson-core's TreeNode, which
  // the extension jar relocates (it bundles jackson-core for the price catalog).
  static JsonNode tree(Object sdkModel) {
    return ObjectMappers.jsonMapper().convertValue(sdkModel, JsonNode.class);
  }

  /** Plain text of a content field: a string, or the concatenated text of its parts. */
  static String text(JsonNode content) {
    if (content == null || content.isNull() || content.isMissingNode()) {
      return null;
    }
    if (content.isTextual()) {
      return content.asText();
    }
    if (content.isArray()) {
      StringBuilder text = new StringBuilder();
      for (JsonNode part : content) {
        JsonNode value = part.isTextual() ? part : part.get("text");
        if (value != null && value.isTextual()) {
          text.append(value.asText());
        }
      }
      return text.length() == 0 ? null : text.toString();
    }
    return null;
  }

  /** {@code messages} of a chat request, or {@code instructions} + {@code input} of a response. */
  static String inputMessages(JsonNode body, int maxLength) {
    GenAiMessages messages = new GenAiMessages();
    String instructions = text(body.get("instructions"));
    if (instructions != null) {
      messages.add("system", instructions, null);
    }
    JsonNode input = body.has("messages") ? body.get("messages") : body.get("input");
    if (input != null && input.isTextual()) {
      messages.add("user", input.asText(), null);
    } else if (input != null && input.isArray()) {
      for (JsonNode message : input) {
        if (message.has("role")) {
          messages.add(message.get("role").asText(), text(message.get("content")), null);
        }
      }
    }
    return messages.isEmpty() ? null : messages.toJson(maxLength);
  }

  /** The assistant text of a Responses API response. */
  static String responseOutputText(JsonNode response) {
    StringBuilder text = new StringBuilder();
    for (JsonNode item : response.path("output")) {
      if ("message".equals(item.path("type").asText())) {
        String part = text(item.get("content"));
        if (part != null) {
          text.append(part);
        }
      }
    }
    return text.length() == 0 ? null : text.toString();
  }

  private OpenAiContent() {}
}
