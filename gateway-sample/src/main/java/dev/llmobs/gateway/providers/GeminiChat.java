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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    // Gemini names the function a result answers; OpenAI gives the call id only.
    Map<String, String> callNames = new HashMap<>();
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
        case "assistant" -> {
          ArrayNode parts = content(contents, "model");
          String text = ChatTools.text(message, FAMILY);
          List<ChatTools.Call> calls = ChatTools.calls(message);
          if (!text.isEmpty() || calls.isEmpty()) {
            parts.addObject().put("text", text);
          }
          for (ChatTools.Call call : calls) {
            callNames.put(call.id(), call.name());
            ObjectNode functionCall = parts.addObject().putObject("functionCall");
            functionCall.put("id", call.id()).put("name", call.name());
            functionCall.set("args", call.arguments());
          }
        }
        case "tool" -> {
          String id = ChatTools.toolCallId(message);
          String name = callNames.get(id);
          if (name == null) {
            throw OpenAiError.invalidRequest(
                "The tool message's 'tool_call_id' "
                    + OpenAiError.quote(id)
                    + " answers no tool call of an earlier assistant message.",
                "messages");
          }
          ObjectNode functionResponse =
              functionResults(contents).addObject().putObject("functionResponse");
          functionResponse.put("id", id).put("name", name);
          functionResponse.set("response", result(ChatTools.text(message, FAMILY)));
        }
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
    addTools(config, chat);
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

  /** The parts of the user turn that carries function results, started if the last is not one. */
  private static ArrayNode functionResults(ArrayNode contents) {
    JsonNode last = contents.isEmpty() ? null : contents.get(contents.size() - 1);
    if (last != null
        && "user".equals(last.path("role").asText())
        && last.path("parts").path(0).has("functionResponse")) {
      return (ArrayNode) last.get("parts");
    }
    return content(contents, "user");
  }

  /** Gemini wants an object: a JSON object result as it is, anything else under "result". */
  private static ObjectNode result(String text) {
    try {
      if (JsonBodies.JSON.readTree(text) instanceof ObjectNode object) {
        return object;
      }
    } catch (JsonProcessingException notJson) {
      // plain text
    }
    return JsonBodies.JSON.createObjectNode().put("result", text);
  }

  /** OpenAI function tools and tool choice as functionDeclarations and a function calling mode. */
  private static void addTools(ObjectNode config, JsonNode chat) {
    List<ChatTools.Definition> definitions = ChatTools.definitions(chat);
    if (!definitions.isEmpty()) {
      ArrayNode declarations =
          config.putArray("tools").addObject().putArray("functionDeclarations");
      for (ChatTools.Definition definition : definitions) {
        ObjectNode declaration = declarations.addObject().put("name", definition.name());
        if (definition.description() != null) {
          declaration.put("description", definition.description());
        }
        if (definition.parameters().isObject()) {
          declaration.set("parametersJsonSchema", definition.parameters());
        }
      }
    }
    ChatTools.Choice choice = ChatTools.choice(chat);
    if (choice != null) {
      ObjectNode calling = config.putObject("toolConfig").putObject("functionCallingConfig");
      switch (choice.mode()) {
        case "none" -> calling.put("mode", "NONE");
        case "required" -> calling.put("mode", "ANY");
        case "function" ->
            calling.put("mode", "ANY").putArray("allowedFunctionNames").add(choice.name());
        default -> calling.put("mode", "AUTO");
      }
    }
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
    reply.add(json, new ArrayList<>());
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
    if (reply.toolCalls.isEmpty() || reply.text.length() > 0) {
      message.put("content", reply.text.toString());
    } else {
      message.putNull("content");
    }
    if (!reply.toolCalls.isEmpty()) {
      message.set("tool_calls", reply.toolCalls);
    }
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
    final ArrayNode toolCalls = JsonBodies.JSON.createArrayNode();
    String geminiFinish;
    long prompt;
    long cached;
    long candidates;
    long thoughts;

    /** Adds a response or a chunk; returns the new text it carries. */
    String add(JsonNode response, List<ObjectNode> newToolCalls) {
      StringBuilder added = new StringBuilder();
      JsonNode candidate = response.path("candidates").path(0);
      for (JsonNode part : candidate.path("content").path("parts")) {
        if (part.path("text").isTextual() && !part.path("thought").asBoolean(false)) {
          added.append(part.path("text").asText());
        }
        JsonNode call = part.path("functionCall");
        if (call.isObject()) {
          // Gemini may send no id; the client needs one to answer the call.
          String id =
              call.path("id")
                  .asText(
                      "call_"
                          + response.path("responseId").asText("gemini")
                          + "_"
                          + toolCalls.size());
          ObjectNode toolCall =
              ChatTools.toolCall(
                  id,
                  call.path("name").asText(),
                  call.path("args").isObject() ? call.get("args").toString() : "{}");
          toolCalls.add(toolCall);
          newToolCalls.add(toolCall.deepCopy().put("index", toolCalls.size() - 1));
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
      if (!toolCalls.isEmpty()) {
        return "tool_calls";
      }
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
      List<ObjectNode> toolCalls = new ArrayList<>();
      String text = reply.add(json, toolCalls);
      if (!text.isEmpty()) {
        ObjectNode chunk = ChatShapes.chunk(id, model, created);
        ChatShapes.delta(chunk).put("content", text);
        chunks.add(chunk);
      }
      if (!toolCalls.isEmpty()) {
        ObjectNode chunk = ChatShapes.chunk(id, model, created);
        toolCalls.forEach(ChatShapes.delta(chunk).putArray("tool_calls")::add);
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
