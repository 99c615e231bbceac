package dev.llmobs.gateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * Tool calling, the same on every wire: a request that offers tools and carries no tool result yet
 * is answered with a call of the first tool, its arguments made from the tool's JSON schema; a
 * request that carries tool results gets a final text answer that mentions them.
 */
final class SimulatedTools {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 8;

  /** The call the simulated model makes: the first tool offered, with generated arguments. */
  record ToolCall(String id, String name, ObjectNode arguments) {
    String argumentsJson() {
      return arguments.toString();
    }
  }

  /**
   * What a request offers and carries: the first tool's name (null when none) and JSON schema, the
   * tool results it sends back, and whether its tool choice is none.
   */
  record Offer(String name, JsonNode schema, List<String> results, boolean choiceNone) {}

  private SimulatedTools() {}

  /**
   * The tool call to answer with, or null for a text answer: tools off, none offered, tool results
   * already there, or a tool choice of none.
   */
  static ToolCall call(
      SimulatorControls controls, Offer offer, SimulatedAnswer answer, String idPrefix) {
    if (!controls.tools()
        || offer.name() == null
        || !offer.results().isEmpty()
        || offer.choiceNone()) {
      return null;
    }
    return new ToolCall(idPrefix + answer.id(), offer.name(), arguments(offer.schema(), 0));
  }

  /** A tool result as text: a string as it is, content parts by their text, JSON as JSON. */
  static String text(JsonNode result) {
    if (result.isTextual()) {
      return result.asText();
    }
    if (result.isArray()) {
      StringBuilder text = new StringBuilder();
      result.forEach(part -> text.append(part.path("text").asText(part.toString())));
      return text.toString();
    }
    return result.toString();
  }

  /** The final answer once tool results are in: it says what they were. */
  static SimulatedAnswer withResults(SimulatedAnswer answer, List<String> results) {
    if (results.isEmpty()) {
      return answer;
    }
    return new SimulatedAnswer(
        answer.id(),
        answer.created(),
        "The tools returned: " + String.join("; ", results) + ". " + answer.text(),
        answer.usage());
  }

  /**
   * Arguments for a JSON schema object: its required properties only, each with a value of its type
   * (an enum's first value; Gemini's upper-case type names too).
   */
  static ObjectNode arguments(JsonNode schema, int depth) {
    ObjectNode arguments = NODES.objectNode();
    if (depth > MAX_DEPTH) {
      return arguments;
    }
    JsonNode properties = schema.path("properties");
    for (JsonNode required : schema.path("required")) {
      String name = required.asText();
      arguments.set(name, value(properties.path(name), depth + 1));
    }
    return arguments;
  }

  private static JsonNode value(JsonNode schema, int depth) {
    JsonNode enumValues = schema.path("enum");
    if (enumValues.isArray() && !enumValues.isEmpty()) {
      return enumValues.get(0);
    }
    JsonNode typeNode = schema.path("type");
    String type =
        (typeNode.isArray() ? typeNode.path(0).asText("string") : typeNode.asText("string"))
            .toLowerCase(Locale.ROOT);
    return switch (type) {
      case "integer" -> NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
      case "number" -> NODES.numberNode(Math.max(1.0, schema.path("minimum").asDouble(1.0)));
      case "boolean" -> NODES.booleanNode(true);
      case "array" -> NODES.arrayNode().add(value(schema.path("items"), depth + 1));
      case "object" -> arguments(schema, depth);
      case "null" -> NODES.nullNode();
      default -> NODES.textNode("example");
    };
  }
}
