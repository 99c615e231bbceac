package dev.llmobs.gateway.providers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.genai.JsonSerializable;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import dev.llmobs.gateway.wire.JsonBodies;
import dev.llmobs.gateway.wire.OpenAiError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Serves an OpenAI chat completion request with Gemini {@code generateContent}: translates the
 * request into the SDK's {@link Content}s and {@link GenerateContentConfig}, and the answer and
 * stream chunks back. Gemini's usage is mapped to OpenAI's: {@code prompt_tokens} =
 * promptTokenCount (cached included), {@code completion_tokens} = candidates + thoughts, {@code
 * reasoning_tokens} = thoughts, {@code cached_tokens} = cachedContentTokenCount.
 */
public final class GeminiChat {

  static final String FAMILY = "gemini-*";
  private static final Set<String> TEXT_PARTS = Set.of("text");

  /** What the SDK call takes. */
  public record Request(String model, List<Content> contents, GenerateContentConfig config) {}

  private GeminiChat() {}

  public static Request request(String model, ObjectNode chat) {
    ArrayNode contents = JsonBodies.JSON.createArrayNode();
    StringBuilder system = new StringBuilder();
    boolean user = false;
    for (JsonNode message : chat.path("messages")) {
      String role = message.path("role").asText();
      switch (role) {
        case "system", "developer" ->
            system
                .append(system.length() > 0 ? "\n" : "")
                .append(ChatShapes.text(message.path("content"), TEXT_PARTS, "messages", FAMILY));
        case "user" -> {
          user = true;
          content(contents, "user").add(textPart(message));
        }
        case "assistant" -> content(contents, "model").add(textPart(message));
        default ->
            throw OpenAiError.invalidRequest(
                "Role "
                    + OpenAiError.quote(role)
                    + " is not supported for gemini-* models (system, developer, user, assistant"
                    + " are).",
                "messages");
      }
    }
    if (!user) {
      throw OpenAiError.invalidRequest(
          "gemini-* models need at least one user message.", "messages");
    }
    ObjectNode config = JsonBodies.JSON.createObjectNode();
    if (system.length() > 0) {
      config
          .putObject("systemInstruction")
          .putArray("parts")
          .addObject()
          .put("text", system.toString());
    }
    copyNumber(chat, "temperature", config, "temperature");
    copyNumber(chat, "top_p", config, "topP");
    copyNumber(
        chat,
        chat.hasNonNull("max_completion_tokens") ? "max_completion_tokens" : "max_tokens",
        config,
        "maxOutputTokens");
    JsonNode stop = chat.path("stop");
    if (stop.isTextual()) {
      config.putArray("stopSequences").add(stop.asText());
    } else if (stop.isArray()) {
      config.set("stopSequences", stop.deepCopy());
    }
    List<Content> sdkContents = new ArrayList<>();
    for (JsonNode content : contents) {
      sdkContents.add(Content.fromJson(content.toString()));
    }
    return new Request(model, sdkContents, GenerateContentConfig.fromJson(config.toString()));
  }

  private static ArrayNode content(ArrayNode contents, String role) {
    ObjectNode content = contents.addObject();
    content.put("role", role);
    return content.putArray("parts");
  }

  private static ObjectNode textPart(JsonNode message) {
    return JsonBodies.JSON
        .createObjectNode()
        .put("text", ChatShapes.text(message.path("content"), TEXT_PARTS, "messages", FAMILY));
  }

  private static void copyNumber(JsonNode from, String field, ObjectNode to, String name) {
    if (from.path(field).isNumber()) {
      to.set(name, from.get(field));
    }
  }

  public static ObjectNode completion(GenerateContentResponse response, String requestModel) {
    JsonNode json = tree(response);
    Reply reply = new Reply();
    reply.add(json);
    ObjectNode body =
        ChatShapes.envelope(
            "chat.completion",
            "chatcmpl-" + json.path("responseId").asText(UUID.randomUUID().toString()),
            json.path("modelVersion").asText(requestModel),
            Instant.now().getEpochSecond());
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", reply.text.toString());
    message.putNull("refusal");
    choice.putNull("logprobs");
    choice.put("finish_reason", reply.finishReason());
    body.set("usage", reply.usage());
    return body;
  }

  static JsonNode tree(JsonSerializable value) {
    try {
      return JsonBodies.JSON.readTree(value.toJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the SDK's own JSON does not parse", e);
    }
  }

  /** Gemini finish reasons in OpenAI's terms. */
  static String finishReason(String gemini) {
    return switch (gemini) {
      case "MAX_TOKENS" -> "length";
      case "SAFETY",
          "RECITATION",
          "BLOCKLIST",
          "PROHIBITED_CONTENT",
          "SPII",
          "IMAGE_SAFETY",
          "IMAGE_PROHIBITED_CONTENT" ->
          "content_filter";
      default -> "stop";
    };
  }

  /** A whole answer, or one accumulated from stream chunks. */
  private static final class Reply {
    final StringBuilder text = new StringBuilder();
    String geminiFinish;
    long prompt;
    long cached;
    long candidates;
    long thoughts;

    /** Adds a response or a chunk; returns the new text it carries. */
    String add(JsonNode response) {
      StringBuilder added = new StringBuilder();
      JsonNode candidate = response.path("candidates").path(0);
      for (JsonNode part : candidate.path("content").path("parts")) {
        if (part.path("text").isTextual() && !part.path("thought").asBoolean(false)) {
          added.append(part.path("text").asText());
        }
      }
      text.append(added);
      if (candidate.path("finishReason").isTextual()) {
        geminiFinish = candidate.path("finishReason").asText();
      }
      JsonNode usage = response.path("usageMetadata");
      if (usage.isObject()) {
        // each chunk reports the counts so far: the last one holds them all
        prompt = usage.path("promptTokenCount").asLong(prompt);
        cached = usage.path("cachedContentTokenCount").asLong(cached);
        candidates = usage.path("candidatesTokenCount").asLong(candidates);
        thoughts = usage.path("thoughtsTokenCount").asLong(thoughts);
      }
      return added.toString();
    }

    String finishReason() {
      return geminiFinish == null ? "stop" : GeminiChat.finishReason(geminiFinish);
    }

    ObjectNode usage() {
      return ChatShapes.usage(prompt, cached, candidates + thoughts, thoughts);
    }
  }

  /** Turns one Gemini stream into {@code chat.completion.chunk}s, chunk by chunk. */
  public static final class ChunkStream {
    private final boolean includeUsage;
    private final String id = "chatcmpl-" + UUID.randomUUID();
    private final long created = Instant.now().getEpochSecond();
    private final Reply reply = new Reply();
    private String model;
    private boolean started;

    public ChunkStream(String requestModel, boolean includeUsage) {
      this.model = requestModel;
      this.includeUsage = includeUsage;
    }

    public List<ObjectNode> on(GenerateContentResponse response) {
      JsonNode json = tree(response);
      model = json.path("modelVersion").asText(model);
      List<ObjectNode> chunks = new ArrayList<>();
      if (!started) {
        started = true;
        ObjectNode first = ChatShapes.chunk(id, model, created);
        ChatShapes.delta(first).put("role", "assistant").put("content", "");
        chunks.add(first);
      }
      String text = reply.add(json);
      if (!text.isEmpty()) {
        ObjectNode chunk = ChatShapes.chunk(id, model, created);
        ChatShapes.delta(chunk).put("content", text);
        chunks.add(chunk);
      }
      return chunks;
    }

    /** The chunks after the upstream stream ended: the finish reason, then usage if asked. */
    public List<ObjectNode> finish() {
      List<ObjectNode> chunks = new ArrayList<>();
      chunks.add(ChatShapes.finishChunk(id, model, created, reply.finishReason()));
      if (includeUsage) {
        chunks.add(ChatShapes.usageChunk(id, model, created, reply.usage()));
      }
      return chunks;
    }
  }
}
