package dev.llmobs.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmobs.gateway.store.Conversation;
import dev.llmobs.gateway.wire.JsonBodies;
import dev.llmobs.gateway.wire.OpenAiError;
import java.util.List;
import java.util.stream.StreamSupport;

/** Responses API input items: as clients send them, and as the gateway stores and lists them. */
final class InputItems {

  private InputItems() {}

  /**
   * A string becomes one user message item; an array must hold item objects. {@code {role,
   * content}} without a type is a message item to the API, and gets {@code "type":"message"}.
   */
  static ArrayNode normalize(JsonNode input, String param, boolean allowEmpty) {
    ArrayNode items = JsonBodies.JSON.createArrayNode();
    if (input != null && input.isTextual()) {
      items.addObject().put("type", "message").put("role", "user").put("content", input.asText());
      return items;
    }
    if (input == null || !input.isArray() || (input.isEmpty() && !allowEmpty)) {
      throw OpenAiError.invalidRequest(
          "'" + param + "' must be a string or a non-empty array of input items.", param);
    }
    for (JsonNode item : input) {
      if (!item.isObject()) {
        throw OpenAiError.invalidRequest("Each item of '" + param + "' must be an object.", param);
      }
      ObjectNode copy = item.deepCopy();
      if (!copy.has("type") && copy.has("role")) {
        copy.put("type", "message");
      }
      items.add(copy);
    }
    return items;
  }

  /** The OpenAI list shape of stored items, oldest first. */
  static String list(Conversation conversation) {
    ObjectNode list = JsonBodies.JSON.createObjectNode().put("object", "list");
    ArrayNode data = list.putArray("data");
    for (String item : conversation.items()) {
      data.add(parse(item));
    }
    list.put("first_id", data.isEmpty() ? null : data.get(0).path("id").asText(null));
    list.put("last_id", data.isEmpty() ? null : data.get(data.size() - 1).path("id").asText(null));
    list.put("has_more", false);
    return list.toString();
  }

  static List<String> texts(ArrayNode items) {
    return StreamSupport.stream(items.spliterator(), false).map(JsonNode::toString).toList();
  }

  static JsonNode parse(String item) {
    try {
      return JsonBodies.JSON.readTree(item);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored conversation item is not JSON", e);
    }
  }
}
