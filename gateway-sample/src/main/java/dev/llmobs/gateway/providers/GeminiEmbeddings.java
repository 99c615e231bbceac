package dev.llmobs.gateway.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.genai.types.EmbedContentConfig;
import com.google.genai.types.EmbedContentResponse;
import dev.llmobs.gateway.wire.JsonBodies;
import dev.llmobs.gateway.wire.OpenAiError;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Serves an OpenAI embeddings request with Gemini {@code embedContent}: text input only. {@code
 * usage} counts the tokens the upstream reports per embedding ({@code statistics.tokenCount}, as
 * Vertex AI and the simulator report them; 0 when the upstream reports none).
 */
public final class GeminiEmbeddings {

  private GeminiEmbeddings() {}

  /** The input texts: a string or an array of strings. */
  public static List<String> texts(JsonNode input) {
    List<String> texts = new ArrayList<>();
    if (input.isTextual()) {
      texts.add(input.asText());
    } else if (input.isArray() && !input.isEmpty()) {
      for (JsonNode item : input) {
        if (!item.isTextual()) {
          throw OpenAiError.invalidRequest(
              "gemini-* embedding models take text input: a string or an array of strings.",
              "input");
        }
        texts.add(item.asText());
      }
    } else {
      throw OpenAiError.invalidRequest(
          "'input' must be a string or a non-empty array of strings.", "input");
    }
    return texts;
  }

  public static EmbedContentConfig config(JsonNode request) {
    EmbedContentConfig.Builder config = EmbedContentConfig.builder();
    if (request.path("dimensions").canConvertToInt()) {
      config.outputDimensionality(request.path("dimensions").asInt());
    }
    return config.build();
  }

  public static ObjectNode list(EmbedContentResponse response, String model, boolean base64) {
    JsonNode json = GeminiChat.tree(response);
    ObjectNode body = JsonBodies.JSON.createObjectNode();
    body.put("object", "list");
    ArrayNode data = body.putArray("data");
    long tokens = 0;
    int index = 0;
    for (JsonNode embedding : json.path("embeddings")) {
      ObjectNode item = data.addObject();
      item.put("object", "embedding");
      item.put("index", index++);
      JsonNode values = embedding.path("values");
      if (base64) {
        ByteBuffer bytes = ByteBuffer.allocate(values.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
        values.forEach(v -> bytes.putFloat(v.floatValue()));
        item.put("embedding", Base64.getEncoder().encodeToString(bytes.array()));
      } else {
        item.set("embedding", values.deepCopy());
      }
      tokens += embedding.path("statistics").path("tokenCount").asLong(0);
    }
    body.put("model", model);
    body.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
    return body;
  }
}
