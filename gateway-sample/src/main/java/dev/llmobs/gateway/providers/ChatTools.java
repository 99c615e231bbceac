package dev.llmobs.gateway.providers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmobs.gateway.wire.JsonBodies;
import dev.llmobs.gateway.wire.OpenAiError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The tool parts of an OpenAI chat completion request, read once for the providers that translate
 * them (Anthropic, Gemini): the tools offered, the tool choice, the assistant's tool calls and the
 * tool results.
 */
final class ChatTools {

  private static final Set<String> TEXT_PARTS = Set.of("text");

  /** A function tool the client offers; {@code parameters} is its JSON schema (may be missing). */
  record Definition(String name, String description, JsonNode parameters) {}

  /** A tool call the assistant made, with its arguments as a JSON object. */
  record Call(String id, String name, ObjectNode arguments) {}

  /** {@code tool_choice}: auto, none, required, or a function by {@code name}. */
  record Choice(String mode, String name) {}

  private ChatTools() {}

  static List<Definition> definitions(JsonNode request) {
    List<Definition> definitions = new ArrayList<>();
    JsonNode tools = request.path("tools");
    if (tools.isMissingNode() || tools.isNull()) {
      return definitions;
    }
    if (!tools.isArray()) {
      throw OpenAiError.invalidRequest("'tools' must be an array of function tools.", "tools");
    }
    for (JsonNode tool : tools) {
      JsonNode function = tool.path("function");
      if (!"function".equals(tool.path("type").asText())
          || !function.path("name").isTextual()
          || function.path("name").asText().isBlank()) {
        throw OpenAiError.invalidRequest(
            "Each tool must be {\"type\":\"function\",\"function\":{\"name\":...}}.", "tools");
      }
      JsonNode parameters = function.path("parameters");
      if (!parameters.isMissingNode() && !parameters.isObject()) {
        throw OpenAiError.invalidRequest(
            "A tool's 'parameters' must be a JSON schema object.", "tools");
      }
      definitions.add(
          new Definition(
              function.path("name").asText(),
              function.path("description").isTextual()
                  ? function.path("description").asText()
                  : null,
              parameters));
    }
    return definitions;
  }

  /** The tool choice, or null when the client set none. */
  static Choice choice(JsonNode request) {
    JsonNode choice = request.path("tool_choice");
    if (choice.isMissingNode() || choice.isNull()) {
      return null;
    }
    if (choice.isTextual() && Set.of("auto", "none", "required").contains(choice.asText())) {
      return new Choice(choice.asText(), null);
    }
    if (choice.path("function").path("name").isTextual()) {
      return new Choice("function", choice.path("function").path("name").asText());
    }
    throw OpenAiError.invalidRequest(
        "'tool_choice' must be auto, none, required or {\"type\":\"function\",\"function\":{\"name\":...}}.",
        "tool_choice");
  }

  /** The tool calls of an assistant message (none when it has no {@code tool_calls}). */
  static List<Call> calls(JsonNode message) {
    List<Call> calls = new ArrayList<>();
    JsonNode toolCalls = message.path("tool_calls");
    if (toolCalls.isMissingNode() || toolCalls.isNull()) {
      return calls;
    }
    for (JsonNode call : toolCalls.isArray() ? toolCalls : List.<JsonNode>of(toolCalls)) {
      JsonNode function = call.path("function");
      if (!call.path("id").isTextual() || !function.path("name").isTextual()) {
        throw OpenAiError.invalidRequest(
            "Each tool call needs an 'id' and a 'function' with a 'name'.", "messages");
      }
      calls.add(
          new Call(
              call.path("id").asText(),
              function.path("name").asText(),
              arguments(function.path("arguments"))));
    }
    return calls;
  }

  private static ObjectNode arguments(JsonNode arguments) {
    if (arguments.isMissingNode() || arguments.isNull()) {
      return JsonBodies.JSON.createObjectNode();
    }
    if (arguments.isTextual()) {
      try {
        JsonNode parsed = JsonBodies.JSON.readTree(arguments.asText());
        if (parsed instanceof ObjectNode object) {
          return object;
        }
      } catch (JsonProcessingException e) {
        // reported below
      }
    }
    throw OpenAiError.invalidRequest(
        "A tool call's 'arguments' must be a JSON object in a string.", "messages");
  }

  /** The id a {@code role: tool} message answers. */
  static String toolCallId(JsonNode message) {
    JsonNode id = message.path("tool_call_id");
    if (!id.isTextual() || id.asText().isBlank()) {
      throw OpenAiError.invalidRequest("A tool message needs a 'tool_call_id'.", "messages");
    }
    return id.asText();
  }

  /** The text of a message's content (tool results included). */
  static String text(JsonNode message, String family) {
    return ChatShapes.text(message.path("content"), TEXT_PARTS, "messages", family);
  }

  /** An OpenAI {@code tool_calls} entry. */
  static ObjectNode toolCall(String id, String name, String arguments) {
    ObjectNode call = JsonBodies.JSON.createObjectNode();
    call.put("id", id);
    call.put("type", "function");
    call.putObject("function").put("name", name).put("arguments", arguments);
    return call;
  }
}
