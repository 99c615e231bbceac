package dev.llmobs.gateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/** The OpenAI wire format: chat completions, Responses, embeddings, and their stream events. */
final class OpenAiWire {

  static final String SNAPSHOT = "-2024-08-06";

  private final ObjectMapper json;

  OpenAiWire(ObjectMapper json) {
    this.json = json;
  }

  /** Everything the model would read: message roles and contents, in order. */
  static String chatPrompt(JsonNode request) {
    StringBuilder prompt = new StringBuilder();
    for (JsonNode message : request.path("messages")) {
      prompt.append(message.path("role").asText()).append(": ");
      prompt.append(message.path("content").toString()).append('\n');
    }
    return prompt.toString();
  }

  static String responsesPrompt(JsonNode request) {
    StringBuilder prompt = new StringBuilder();
    if (request.hasNonNull("instructions")) {
      prompt.append("instructions: ").append(request.path("instructions").asText()).append('\n');
    }
    JsonNode input = request.path("input");
    if (input.isTextual()) {
      prompt.append("user: ").append(input.asText()).append('\n');
    } else {
      for (JsonNode item : input) {
        prompt.append(item.path("role").asText(item.path("type").asText())).append(": ");
        prompt.append(item.path("content").toString()).append('\n');
      }
    }
    return prompt.toString();
  }

  static SimulatedTools.Offer chatOffer(JsonNode request) {
    JsonNode function = request.path("tools").path(0).path("function");
    List<String> results = new ArrayList<>();
    for (JsonNode message : request.path("messages")) {
      if ("tool".equals(message.path("role").asText())) {
        results.add(SimulatedTools.text(message.path("content")));
      }
    }
    return new SimulatedTools.Offer(
        function.path("name").isTextual() ? function.path("name").asText() : null,
        function.path("parameters"),
        results,
        "none".equals(request.path("tool_choice").asText()));
  }

  static SimulatedTools.Offer responsesOffer(JsonNode request) {
    JsonNode tool = null;
    for (JsonNode candidate : request.path("tools")) {
      if ("function".equals(candidate.path("type").asText()) && tool == null) {
        tool = candidate;
      }
    }
    List<String> results = new ArrayList<>();
    for (JsonNode item : request.path("input")) {
      if ("function_call_output".equals(item.path("type").asText())) {
        results.add(SimulatedTools.text(item.path("output")));
      }
    }
    return new SimulatedTools.Offer(
        tool != null && tool.path("name").isTextual() ? tool.path("name").asText() : null,
        tool == null ? MissingNode.getInstance() : tool.path("parameters"),
        results,
        "none".equals(request.path("tool_choice").asText()));
  }

  ObjectNode chatCompletion(String model, SimulatedAnswer answer, SimulatedTools.ToolCall call) {
    ObjectNode body = chatEnvelope("chat.completion", model, answer);
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    if (call == null) {
      message.put("content", answer.text());
    } else {
      message.putNull("content");
      message.putArray("tool_calls").add(toolCall(call, call.argumentsJson()));
    }
    message.putNull("refusal");
    choice.putNull("logprobs");
    choice.put("finish_reason", call == null ? "stop" : "tool_calls");
    body.set("usage", chatUsage(answer.usage()));
    return body;
  }

  private ObjectNode toolCall(SimulatedTools.ToolCall call, String arguments) {
    ObjectNode node = json.createObjectNode();
    node.put("id", call.id());
    node.put("type", "function");
    node.putObject("function").put("name", call.name()).put("arguments", arguments);
    return node;
  }

  /** A stream chunk of a tool call: the first names it, the others carry argument pieces. */
  ObjectNode chatToolChunk(
      String model,
      SimulatedAnswer answer,
      SimulatedTools.ToolCall call,
      String piece,
      boolean first) {
    ObjectNode body = chatEnvelope("chat.completion.chunk", model, answer);
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode delta = choice.putObject("delta");
    ObjectNode toolCall;
    if (first) {
      delta.put("role", "assistant");
      delta.putNull("content");
      toolCall = toolCall(call, piece);
    } else {
      toolCall = json.createObjectNode();
      toolCall.putObject("function").put("arguments", piece);
    }
    delta.putArray("tool_calls").add(toolCall.put("index", 0));
    choice.putNull("finish_reason");
    return body;
  }

  /** The chunk that ends the choice. */
  ObjectNode chatFinishChunk(String model, SimulatedAnswer answer, String finishReason) {
    ObjectNode body = chatEnvelope("chat.completion.chunk", model, answer);
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("delta");
    choice.put("finish_reason", finishReason);
    return body;
  }

  /** A {@code chat.completion.chunk}; {@code delta} null means the final, finish_reason chunk. */
  ObjectNode chatChunk(String model, SimulatedAnswer answer, String delta, boolean first) {
    ObjectNode body = chatEnvelope("chat.completion.chunk", model, answer);
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode deltaNode = choice.putObject("delta");
    if (first) {
      deltaNode.put("role", "assistant");
    }
    if (delta != null) {
      deltaNode.put("content", delta);
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", "stop");
    }
    return body;
  }

  /** The last chunk when {@code stream_options.include_usage}: no choices, only usage. */
  ObjectNode chatUsageChunk(String model, SimulatedAnswer answer) {
    ObjectNode body = chatEnvelope("chat.completion.chunk", model, answer);
    body.putArray("choices");
    body.set("usage", chatUsage(answer.usage()));
    return body;
  }

  private ObjectNode chatEnvelope(String object, String model, SimulatedAnswer answer) {
    ObjectNode body = json.createObjectNode();
    body.put("id", "chatcmpl-sim-" + answer.id());
    body.put("object", object);
    body.put("created", answer.created());
    body.put("model", SimulatedAnswer.responseModel(model, SNAPSHOT));
    body.put("system_fingerprint", "fp_simulator");
    return body;
  }

  private ObjectNode chatUsage(SimulatedUsage usage) {
    // OpenAI semantics: prompt_tokens includes cached ones, completion_tokens includes reasoning.
    ObjectNode node = json.createObjectNode();
    node.put("prompt_tokens", usage.input());
    node.put("completion_tokens", usage.output());
    node.put("total_tokens", usage.input() + usage.output());
    node.putObject("prompt_tokens_details")
        .put("cached_tokens", usage.cached())
        .put("audio_tokens", 0);
    node.putObject("completion_tokens_details")
        .put("reasoning_tokens", usage.reasoning())
        .put("audio_tokens", 0)
        .put("accepted_prediction_tokens", 0)
        .put("rejected_prediction_tokens", 0);
    return node;
  }

  /** A Responses API {@code response} object; {@code complete} false is the in-progress shape. */
  ObjectNode response(
      String model,
      JsonNode request,
      SimulatedAnswer answer,
      SimulatedTools.ToolCall call,
      boolean complete) {
    ObjectNode body = json.createObjectNode();
    body.put("id", "resp_sim" + answer.id() + Long.toHexString(System.nanoTime()));
    body.put("object", "response");
    body.put("created_at", answer.created());
    body.put("status", complete ? "completed" : "in_progress");
    body.putNull("error");
    body.putNull("incomplete_details");
    body.set(
        "instructions",
        request.path("instructions").isMissingNode()
            ? json.nullNode()
            : request.get("instructions"));
    body.putNull("max_output_tokens");
    body.putObject("metadata");
    body.put("model", SimulatedAnswer.responseModel(model, SNAPSHOT));
    ArrayNode output = body.putArray("output");
    if (complete) {
      output.add(
          call == null
              ? outputMessage(answer, answer.text(), "completed")
              : functionCall(call, call.argumentsJson(), "completed"));
    }
    body.put("parallel_tool_calls", true);
    body.putNull("previous_response_id");
    body.put("store", request.path("store").asBoolean(true));
    body.put("temperature", request.path("temperature").asDouble(1.0));
    body.put("tool_choice", "auto");
    body.putArray("tools");
    body.put("top_p", request.path("top_p").asDouble(1.0));
    body.put("truncation", "disabled");
    if (complete) {
      SimulatedUsage usage = answer.usage();
      ObjectNode node = body.putObject("usage");
      node.put("input_tokens", usage.input());
      node.putObject("input_tokens_details").put("cached_tokens", usage.cached());
      node.put("output_tokens", usage.output());
      node.putObject("output_tokens_details").put("reasoning_tokens", usage.reasoning());
      node.put("total_tokens", usage.input() + usage.output());
    } else {
      body.putNull("usage");
    }
    return body;
  }

  /** A Responses {@code function_call} output item. */
  ObjectNode functionCall(SimulatedTools.ToolCall call, String arguments, String status) {
    ObjectNode item = json.createObjectNode();
    item.put("type", "function_call");
    item.put("id", "fc_" + call.id());
    item.put("call_id", call.id());
    item.put("name", call.name());
    item.put("arguments", arguments);
    item.put("status", status);
    return item;
  }

  ObjectNode outputMessage(SimulatedAnswer answer, String text, String status) {
    ObjectNode message = json.createObjectNode();
    message.put("type", "message");
    message.put("id", messageId(answer));
    message.put("status", status);
    message.put("role", "assistant");
    ArrayNode content = message.putArray("content");
    if (text != null) {
      content.add(outputText(text));
    }
    return message;
  }

  ObjectNode outputText(String text) {
    ObjectNode part = json.createObjectNode();
    part.put("type", "output_text");
    part.put("text", text);
    part.putArray("annotations");
    return part;
  }

  static String messageId(SimulatedAnswer answer) {
    return "msg_sim" + answer.id();
  }

  ObjectNode event(String type, int sequence) {
    ObjectNode event = json.createObjectNode();
    event.put("type", type);
    event.put("sequence_number", sequence);
    return event;
  }

  ObjectNode embeddings(String model, JsonNode request, int dimensions, SimulatedUsage usage) {
    JsonNode input = request.path("input");
    boolean base64 = "base64".equals(request.path("encoding_format").asText());
    ObjectNode body = json.createObjectNode();
    body.put("object", "list");
    ArrayNode data = body.putArray("data");
    long tokens = 0;
    int index = 0;
    for (JsonNode text : input.isArray() ? input : json.createArrayNode().add(input)) {
      String value = text.isTextual() ? text.asText() : text.toString();
      tokens += Math.max(1, SimulatedAnswer.estimateTokens(value));
      ObjectNode item = data.addObject();
      item.put("object", "embedding");
      item.put("index", index++);
      float[] vector = vector(model, value, dimensions);
      if (base64) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : vector) {
          bytes.putFloat(f);
        }
        item.put("embedding", Base64.getEncoder().encodeToString(bytes.array()));
      } else {
        ArrayNode values = item.putArray("embedding");
        for (float f : vector) {
          values.add(f);
        }
      }
    }
    body.put("model", model);
    long reported = usage != null ? usage.input() : tokens;
    body.putObject("usage").put("prompt_tokens", reported).put("total_tokens", reported);
    return body;
  }

  // A unit vector seeded by the text: equal texts embed equally.
  static float[] vector(String model, String text, int dimensions) {
    SplittableRandom random = new SplittableRandom(SimulatedAnswer.seed(model + '\n' + text));
    float[] vector = new float[dimensions];
    double norm = 0;
    for (int i = 0; i < dimensions; i++) {
      vector[i] = (float) (random.nextDouble() * 2 - 1);
      norm += vector[i] * vector[i];
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < dimensions; i++) {
      vector[i] *= scale;
    }
    return vector;
  }

  ObjectNode error(String message, String type, String code) {
    ObjectNode body = json.createObjectNode();
    ObjectNode error = body.putObject("error");
    error.put("message", message);
    error.put("type", type);
    error.putNull("param");
    if (code == null) {
      error.putNull("code");
    } else {
      error.put("code", code);
    }
    return body;
  }
}
