package dev.llmobs.genai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Message text for opt-in content capture, read from a provider SDK's own JSON form of a request or
 * response (the wire shape is stable where the SDKs' model classes are not). Only text parts are
 * captured; tool calls, images and audio are left out. Uses the application's jackson-databind,
 * which every instrumented SDK brings, and names no jackson-core type (the extension jar relocates
 * jackson-core).
 */
public final class GenAiJsonContent {

  /**
   * The JSON tree of an SDK model object, made with the SDK's own mapper. {@code convertValue}, not
   * {@code valueToTree}: the latter's descriptor names jackson-core's {@code TreeNode}, which the
   * extension jar relocates.
   */
  public static JsonNode tree(ObjectMapper sdkMapper, Object sdkModel) {
    return sdkMapper.convertValue(sdkModel, JsonNode.class);
  }

  /** Plain text of a content field: a string, or the concatenated text of its parts. */
  public static String text(JsonNode content) {
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

  /**
   * Input messages of a request body: a system prompt ({@code system} or {@code instructions}),
   * then {@code messages} (chat completions, Anthropic) or {@code input} (Responses API).
   */
  public static String inputMessages(JsonNode body, int maxLength) {
    GenAiMessages messages = new GenAiMessages();
    String system = text(body.has("system") ? body.get("system") : body.get("instructions"));
    if (system != null) {
      messages.add("system", system, null);
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

  /** The text of the output items of type {@code itemType} (null: any item). */
  public static String outputText(JsonNode items, String itemType) {
    StringBuilder text = new StringBuilder();
    for (JsonNode item : items) {
      if (itemType == null || itemType.equals(item.path("type").asText())) {
        String part = item.has("content") ? text(item.get("content")) : text(item.get("text"));
        if (part != null) {
          text.append(part);
        }
      }
    }
    return text.length() == 0 ? null : text.toString();
  }

  private GenAiJsonContent() {}
}
