package dev.llmobs.gateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The Anthropic Messages wire format and its stream events. */
final class AnthropicWire {

  static final String SNAPSHOT = "-20250929";

  private final ObjectMapper json;

  AnthropicWire(ObjectMapper json) {
    this.json = json;
  }

  static String prompt(JsonNode request) {
    StringBuilder prompt = new StringBuilder();
    if (request.has("system")) {
      prompt.append("system: ").append(request.path("system").toString()).append('\n');
    }
    for (JsonNode message : request.path("messages")) {
      prompt.append(message.path("role").asText()).append(": ");
      prompt.append(message.path("content").toString()).append('\n');
    }
    return prompt.toString();
  }

  static SimulatedTools.Offer offer(JsonNode request) {
    JsonNode tool = request.path("tools").path(0);
    List<String> results = new ArrayList<>();
    for (JsonNode message : request.path("messages")) {
      for (JsonNode block : message.path("content")) {
        if ("tool_result".equals(block.path("type").asText())) {
          results.add(SimulatedTools.text(block.path("content")));
        }
      }
    }
    return new SimulatedTools.Offer(
        tool.path("name").isTextual() ? tool.path("name").asText() : null,
        tool.path("input_schema"),
        results,
        "none".equals(request.path("tool_choice").path("type").asText()));
  }

  /** {@code complete} false is the shape of {@code message_start}: no content, no stop reason. */
  ObjectNode message(
      String model, SimulatedAnswer answer, SimulatedTools.ToolCall call, boolean complete) {
    ObjectNode body = json.createObjectNode();
    body.put("id", "msg_sim" + answer.id());
    body.put("type", "message");
    body.put("role", "assistant");
    body.put("model", SimulatedAnswer.responseModel(model, SNAPSHOT));
    var content = body.putArray("content");
    if (complete && call != null) {
      content.add(toolUse(call));
      body.put("stop_reason", "tool_use");
    } else if (complete) {
      content.addObject().put("type", "text").put("text", answer.text());
      body.put("stop_reason", "end_turn");
    } else {
      body.putNull("stop_reason");
    }
    body.putNull("stop_sequence");
    SimulatedUsage usage = answer.usage();
    ObjectNode node = body.putObject("usage");
    // Anthropic semantics: input_tokens excludes the tokens read from or written to the cache.
    node.put("input_tokens", usage.uncachedInput());
    node.put("cache_creation_input_tokens", usage.cacheWrite());
    node.put("cache_read_input_tokens", usage.cached());
    node.put("output_tokens", complete ? usage.output() : 1);
    return body;
  }

  ObjectNode toolUse(SimulatedTools.ToolCall call) {
    ObjectNode block = json.createObjectNode();
    block.put("type", "tool_use");
    block.put("id", call.id());
    block.put("name", call.name());
    block.set("input", call.arguments());
    return block;
  }

  ObjectNode inputJsonDelta(String partialJson) {
    ObjectNode event = event("content_block_delta").put("index", 0);
    event.putObject("delta").put("type", "input_json_delta").put("partial_json", partialJson);
    return event;
  }

  ObjectNode event(String type) {
    return json.createObjectNode().put("type", type);
  }

  ObjectNode textDelta(String text) {
    ObjectNode event = event("content_block_delta").put("index", 0);
    event.putObject("delta").put("type", "text_delta").put("text", text);
    return event;
  }

  ObjectNode messageDelta(SimulatedUsage usage, String stopReason) {
    ObjectNode event = event("message_delta");
    event.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
    event.putObject("usage").put("output_tokens", usage.output());
    return event;
  }

  ObjectNode error(String type, String message) {
    ObjectNode body = event("error");
    body.putObject("error").put("type", type).put("message", message);
    return body;
  }
}
