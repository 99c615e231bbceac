package dev.llmobs.gateway.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmobs.gateway.wire.JsonBodies;
import dev.llmobs.gateway.wire.OpenAiError;
import java.util.Set;

/**
 * The OpenAI chat completion shapes that the translated providers (Anthropic, Gemini) answer in,
 * and the text of OpenAI message content they read.
 */
final class ChatShapes {

  static final String CHUNK = "chat.completion.chunk";

  private ChatShapes() {}

  static ObjectNode envelope(String object, String id, String model, long created) {
    ObjectNode body = JsonBodies.JSON.createObjectNode();
    body.put("id", id);
    body.put("object", object);
    body.put("created", created);
    body.put("model", model);
    return body;
  }

  /** A {@code chat.completion.chunk} with one choice, an empty delta and no finish reason yet. */
  static ObjectNode chunk(String id, String model, long created) {
    ObjectNode chunk = envelope(CHUNK, id, model, created);
    ObjectNode choice = chunk.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("delta");
    choice.putNull("finish_reason");
    return chunk;
  }

  static ObjectNode delta(ObjectNode chunk) {
    return (ObjectNode) chunk.path("choices").get(0).get("delta");
  }

  static ObjectNode finishChunk(String id, String model, long created, String finishReason) {
    ObjectNode chunk = chunk(id, model, created);
    ((ObjectNode) chunk.path("choices").get(0)).put("finish_reason", finishReason);
    return chunk;
  }

  /** The last chunk when {@code stream_options.include_usage}: no choices, only usage. */
  static ObjectNode usageChunk(String id, String model, long created, ObjectNode usage) {
    ObjectNode chunk = envelope(CHUNK, id, model, created);
    chunk.putArray("choices");
    chunk.set("usage", usage);
    return chunk;
  }

  /**
   * OpenAI usage: {@code prompt} includes the cached tokens, {@code completion} the reasoning ones.
   */
  static ObjectNode usage(long prompt, long cached, long completion, long reasoning) {
    ObjectNode node = JsonBodies.JSON.createObjectNode();
    node.put("prompt_tokens", prompt);
    node.put("completion_tokens", completion);
    node.put("total_tokens", prompt + completion);
    node.putObject("prompt_tokens_details").put("cached_tokens", cached);
    node.putObject("completion_tokens_details").put("reasoning_tokens", reasoning);
    return node;
  }

  /** A string, or the concatenated text of content parts of the given types. */
  static String text(JsonNode content, Set<String> partTypes, String param, String family) {
    if (content.isTextual()) {
      return content.asText();
    }
    if (content.isMissingNode() || content.isNull()) {
      return "";
    }
    if (!content.isArray()) {
      throw OpenAiError.invalidRequest(
          "Message content must be a string or an array of content parts.", param);
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) {
      if (!partTypes.contains(part.path("type").asText()) || !part.path("text").isTextual()) {
        throw OpenAiError.invalidRequest(
            "Only text content is supported for " + family + " models.", param);
      }
      text.append(part.path("text").asText());
    }
    return text.toString();
  }
}
