package dev.llmobs.genai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Message text for opt-in content capture, read from a provider SDK's own JSON form of a request or
 * response (the wire shape is stable where the SDKs' model classes are not). Text, tool calls and
 * tool results are captured; images and audio are left out. Uses the application's
 * jackson-databind, which every instrumented SDK brings, and names no jackson-core type (the
 * extension jar relocates jackson-core).
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
   * then {@code messages} (chat completions, Anthropic) or {@code input} (Responses API), with
   * their tool calls and tool results as parts of their own.
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
      for (JsonNode item : input) {
        if (item.has("role")) {
          inputMessage(messages, item);
        } else if ("function_call".equals(item.path("type").asText())) {
          messages.message("assistant", null);
          toolCall(messages, item.path("call_id"), item.path("name"), item.get("arguments"));
        } else if ("function_call_output".equals(item.path("type").asText())) {
          messages
              .message("tool", null)
              .toolCallResponse(textOrNull(item.path("call_id")), text(item.get("output")));
        }
      }
    }
    return messages.isEmpty() ? null : messages.toJson(maxLength);
  }

  /**
   * One message of a request: an OpenAI {@code tool} message becomes a {@code tool_call_response};
   * Anthropic {@code tool_result} blocks become a {@code tool} message of their own, before the
   * rest of their message; OpenAI {@code tool_calls} and Anthropic {@code tool_use} blocks become
   * {@code tool_call} parts after the text.
   */
  private static void inputMessage(GenAiMessages messages, JsonNode message) {
    String role = message.get("role").asText();
    JsonNode content = message.get("content");
    if ("tool".equals(role)) {
      messages
          .message("tool", null)
          .toolCallResponse(textOrNull(message.path("tool_call_id")), text(content));
      return;
    }
    boolean toolResults = false;
    boolean toolUses = false;
    if (content != null && content.isArray()) {
      for (JsonNode block : content) {
        String type = block.path("type").asText();
        if ("tool_result".equals(type)) {
          if (!toolResults) {
            messages.message("tool", null);
            toolResults = true;
          }
          messages.toolCallResponse(
              textOrNull(block.path("tool_use_id")), text(block.get("content")));
        } else if ("tool_use".equals(type)) {
          toolUses = true;
        }
      }
    }
    String text = text(content);
    JsonNode toolCalls = message.get("tool_calls");
    boolean hasToolCalls = toolUses || (toolCalls != null && toolCalls.size() > 0);
    if (toolResults && text == null && !hasToolCalls) {
      return;
    }
    messages.add(role, text, null);
    toolCalls(messages, toolCalls);
    if (toolUses) {
      for (JsonNode block : content) {
        if ("tool_use".equals(block.path("type").asText())) {
          toolCall(messages, block.path("id"), block.path("name"), block.get("input"));
        }
      }
    }
  }

  /**
   * Adds the parts of an output: the concatenated text of its text items, then its tool calls.
   * Reads Responses API output items ({@code message}, {@code function_call}) and Anthropic content
   * blocks ({@code text}, {@code tool_use}).
   */
  public static void outputParts(GenAiMessages messages, JsonNode items) {
    StringBuilder text = new StringBuilder();
    for (JsonNode item : items) {
      String type = item.path("type").asText();
      if ("message".equals(type) || "text".equals(type)) {
        String part = item.has("content") ? text(item.get("content")) : text(item.get("text"));
        if (part != null) {
          text.append(part);
        }
      }
    }
    if (text.length() > 0) {
      messages.text(text.toString());
    }
    outputToolCalls(messages, items);
  }

  /**
   * Adds the tool calls among output items: Responses API {@code function_call} items and Anthropic
   * {@code tool_use} blocks.
   */
  public static void outputToolCalls(GenAiMessages messages, JsonNode items) {
    for (JsonNode item : items) {
      String type = item.path("type").asText();
      if ("function_call".equals(type)) {
        toolCall(messages, item.path("call_id"), item.path("name"), item.get("arguments"));
      } else if ("tool_use".equals(type)) {
        toolCall(messages, item.path("id"), item.path("name"), item.get("input"));
      }
    }
  }

  /** Adds chat completions {@code tool_calls} ({@code id}, {@code function.name/arguments}). */
  public static void toolCalls(GenAiMessages messages, JsonNode toolCalls) {
    if (toolCalls == null || !toolCalls.isArray()) {
      return;
    }
    for (JsonNode call : toolCalls) {
      JsonNode function = call.path("function");
      toolCall(messages, call.path("id"), function.path("name"), function.get("arguments"));
    }
  }

  // Arguments come as a JSON string (OpenAI) or as a JSON object (Anthropic's input).
  private static void toolCall(GenAiMessages messages, JsonNode id, JsonNode name, JsonNode args) {
    String arguments = null;
    if (args != null && !args.isNull() && !args.isMissingNode()) {
      arguments = args.isTextual() ? args.asText() : args.toString();
    }
    messages.toolCall(textOrNull(id), textOrNull(name), arguments);
  }

  /**
   * {@code gen_ai.tool.definitions} of a request's {@code tools}: chat completions ({@code
   * {"type":"function","function":{..}}}), Responses API and Anthropic ({@code input_schema})
   * shapes; a provider's built-in tool is named by its type when it has no name.
   */
  public static String toolDefinitions(JsonNode tools, int maxLength) {
    if (tools == null || !tools.isArray() || tools.size() == 0) {
      return null;
    }
    GenAiToolDefinitions definitions = new GenAiToolDefinitions();
    for (JsonNode tool : tools) {
      JsonNode function = tool.has("function") ? tool.get("function") : tool;
      String type = textOrNull(tool.path("type"));
      String name = textOrNull(function.path("name"));
      JsonNode parameters =
          function.has("parameters") ? function.get("parameters") : function.get("input_schema");
      definitions.add(
          type == null || "custom".equals(type) ? "function" : type,
          name != null ? name : type,
          textOrNull(function.path("description")),
          parameters == null || parameters.isNull() ? null : parameters.toString());
    }
    return definitions.toJson(maxLength);
  }

  private static String textOrNull(JsonNode node) {
    return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
  }

  private GenAiJsonContent() {}
}
