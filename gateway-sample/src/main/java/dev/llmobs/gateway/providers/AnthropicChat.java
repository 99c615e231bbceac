package dev.llmobs.gateway.providers;

import com.anthropic.core.JsonValue;
import com.anthropic.core.ObjectMappers;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.MessageParam;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolChoice;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmobs.gateway.wire.JsonBodies;
import dev.llmobs.gateway.wire.OpenAiError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Serves an OpenAI chat completion request with Anthropic Messages: translates the request, the
 * answer and the stream events. Text content only; Anthropic's cache tokens are folded into
 * OpenAI's {@code prompt_tokens} as the OpenAI usage semantics require.
 */
public final class AnthropicChat {

  private static final Set<String> CHAT_TEXT_PARTS = Set.of("text");

  private static final ObjectMapper ANTHROPIC_JSON = ObjectMappers.jsonMapper();

  /** Anthropic requires max_tokens; this applies when the client set none. */
  static final long DEFAULT_MAX_TOKENS = 4096;

  private AnthropicChat() {}

  public static MessageCreateParams request(String model, ObjectNode chat) {
    MessageCreateParams.Builder params = MessageCreateParams.builder().model(model);
    JsonNode maxTokens =
        chat.hasNonNull("max_completion_tokens")
            ? chat.get("max_completion_tokens")
            : chat.get("max_tokens");
    params.maxTokens(
        maxTokens != null && maxTokens.canConvertToLong()
            ? maxTokens.asLong()
            : DEFAULT_MAX_TOKENS);
    StringBuilder system = new StringBuilder();
    List<Turn> turns = new ArrayList<>();
    for (JsonNode message : chat.path("messages")) {
      String role = message.path("role").asText();
      switch (role) {
        case "system", "developer" ->
            system
                .append(system.length() > 0 ? "\n" : "")
                .append(text(message.path("content"), CHAT_TEXT_PARTS, "messages"));
        case "assistant" -> turns.add(assistantTurn(message));
        case "tool" -> addToolResult(turns, message);
        default ->
            turns.add(Turn.text(role, text(message.path("content"), CHAT_TEXT_PARTS, "messages")));
      }
    }
    addTurns(params, turns, "messages");
    addTools(params, chat);
    if (system.length() > 0) {
      params.system(system.toString());
    }
    addSampling(params, chat);
    JsonNode stop = chat.path("stop");
    if (stop.isTextual()) {
      params.stopSequences(List.of(stop.asText()));
    } else if (stop.isArray()) {
      List<String> sequences = new ArrayList<>();
      stop.forEach(s -> sequences.add(s.asText()));
      params.stopSequences(sequences);
    }
    return params.build();
  }

  /**
   * One user or assistant turn of the conversation: {@code content} is a string, or an array of
   * Anthropic content blocks (text, tool_use, tool_result).
   */
  record Turn(String role, JsonNode content) {
    static Turn text(String role, String text) {
      return new Turn(role, JsonBodies.JSON.getNodeFactory().textNode(text));
    }
  }

  static void addTurns(MessageCreateParams.Builder params, List<Turn> turns, String param) {
    if (turns.stream().noneMatch(t -> t.role().equals("user"))) {
      throw OpenAiError.invalidRequest("claude-* models need at least one user message.", param);
    }
    for (Turn turn : turns) {
      if (!turn.role().equals("user") && !turn.role().equals("assistant")) {
        throw OpenAiError.invalidRequest(
            "Role "
                + OpenAiError.quote(turn.role())
                + " is not supported for claude-* models (system, developer, user, assistant,"
                + " tool are).",
            param);
      }
      ObjectNode message = JsonBodies.JSON.createObjectNode().put("role", turn.role());
      message.set("content", turn.content());
      params.addMessage(anthropicValue(message, MessageParam.class));
    }
  }

  /** An assistant message: its text, then its tool calls as tool_use blocks. */
  private static Turn assistantTurn(JsonNode message) {
    String text = text(message.path("content"), CHAT_TEXT_PARTS, "messages");
    List<ChatTools.Call> calls = ChatTools.calls(message);
    if (calls.isEmpty()) {
      return Turn.text("assistant", text);
    }
    ArrayNode blocks = JsonBodies.JSON.createArrayNode();
    if (!text.isEmpty()) {
      blocks.addObject().put("type", "text").put("text", text);
    }
    for (ChatTools.Call call : calls) {
      ObjectNode block = blocks.addObject();
      block.put("type", "tool_use").put("id", call.id()).put("name", call.name());
      block.set("input", call.arguments());
    }
    return new Turn("assistant", blocks);
  }

  /** A tool message becomes a tool_result block; results in a row share one user turn. */
  private static void addToolResult(List<Turn> turns, JsonNode message) {
    ObjectNode result = JsonBodies.JSON.createObjectNode();
    result.put("type", "tool_result");
    result.put("tool_use_id", ChatTools.toolCallId(message));
    result.put("content", ChatTools.text(message, "claude-*"));
    Turn last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
    if (last != null
        && last.role().equals("user")
        && last.content().isArray()
        && "tool_result".equals(last.content().path(0).path("type").asText())) {
      ((ArrayNode) last.content()).add(result);
    } else {
      turns.add(new Turn("user", JsonBodies.JSON.createArrayNode().add(result)));
    }
  }

  /** OpenAI function tools and tool choice as Anthropic tools and tool_choice. */
  private static void addTools(MessageCreateParams.Builder params, JsonNode chat) {
    for (ChatTools.Definition definition : ChatTools.definitions(chat)) {
      ObjectNode tool = JsonBodies.JSON.createObjectNode().put("name", definition.name());
      if (definition.description() != null) {
        tool.put("description", definition.description());
      }
      tool.set(
          "input_schema",
          definition.parameters().isObject()
              ? definition.parameters()
              : JsonBodies.JSON.createObjectNode().put("type", "object"));
      params.addTool(anthropicValue(tool, Tool.class));
    }
    ChatTools.Choice choice = ChatTools.choice(chat);
    if (choice != null) {
      ObjectNode toolChoice = JsonBodies.JSON.createObjectNode();
      switch (choice.mode()) {
        case "required" -> toolChoice.put("type", "any");
        case "function" -> toolChoice.put("type", "tool").put("name", choice.name());
        default -> toolChoice.put("type", choice.mode());
      }
      params.toolChoice(anthropicValue(toolChoice, ToolChoice.class));
    }
  }

  /** Anthropic wire JSON as the SDK's own type, through the SDK's mapper. */
  private static <T> T anthropicValue(JsonNode json, Class<T> type) {
    try {
      return ANTHROPIC_JSON.treeToValue(json, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw OpenAiError.invalidRequest("Invalid request for claude-* models.", "messages");
    }
  }

  /** The 3.x builder has no typed setters for these; they go in the body as the API expects. */
  static void addSampling(MessageCreateParams.Builder params, JsonNode request) {
    for (String sampling : new String[] {"temperature", "top_p"}) {
      if (request.path(sampling).isNumber()) {
        params.putAdditionalBodyProperty(
            sampling, JsonValue.from(request.get(sampling).asDouble()));
      }
    }
  }

  static String text(JsonNode content, Set<String> partTypes, String param) {
    return ChatShapes.text(content, partTypes, param, "claude-*");
  }

  /**
   * Anthropic usage: input excludes the cache reads and writes, which OpenAI's prompt count
   * includes.
   */
  record Usage(long input, long cacheRead, long cacheWrite, long output) {
    static Usage of(com.anthropic.models.messages.Usage usage) {
      return new Usage(
          usage.inputTokens(),
          usage.cacheReadInputTokens().orElse(0L),
          usage.cacheCreationInputTokens().orElse(0L),
          usage.outputTokens());
    }

    long promptTokens() {
      return input + cacheRead + cacheWrite;
    }
  }

  public static ObjectNode completion(Message message) {
    ObjectNode body =
        envelope(
            "chat.completion",
            message.id(),
            message.model().asString(),
            Instant.now().getEpochSecond());
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0);
    StringBuilder text = new StringBuilder();
    ArrayNode toolCalls = JsonBodies.JSON.createArrayNode();
    for (ContentBlock block : message.content()) {
      block.text().ifPresent(t -> text.append(t.text()));
      block
          .toolUse()
          .ifPresent(
              t -> toolCalls.add(ChatTools.toolCall(t.id(), t.name(), anthropicJson(t._input()))));
    }
    ObjectNode reply = choice.putObject("message");
    reply.put("role", "assistant");
    if (toolCalls.isEmpty() || text.length() > 0) {
      reply.put("content", text.toString());
    } else {
      reply.putNull("content");
    }
    if (!toolCalls.isEmpty()) {
      reply.set("tool_calls", toolCalls);
    }
    reply.putNull("refusal");
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason(message.stopReason().orElse(null)));
    body.set("usage", usage(Usage.of(message.usage())));
    return body;
  }

  private static String anthropicJson(Object value) {
    try {
      return ANTHROPIC_JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the SDK's own value", e);
    }
  }

  static String finishReason(StopReason reason) {
    if (reason == null) {
      return null;
    }
    return switch (reason.asString()) {
      case "max_tokens", "model_context_window_exceeded" -> "length";
      case "tool_use" -> "tool_calls";
      case "refusal" -> "content_filter";
      default -> "stop";
    };
  }

  private static ObjectNode envelope(String object, String id, String model, long created) {
    return ChatShapes.envelope(object, id, model, created);
  }

  private static ObjectNode usage(Usage usage) {
    return ChatShapes.usage(usage.promptTokens(), usage.cacheRead(), usage.output(), 0);
  }

  /** Turns one Messages stream into {@code chat.completion.chunk}s, event by event. */
  public static final class ChunkStream {
    private final boolean includeUsage;
    private final long created = Instant.now().getEpochSecond();
    private String id = "";
    private String model = "";
    private long input;
    private long cacheRead;
    private long cacheWrite;
    private long output;
    private String finishReason = "stop";
    // Anthropic content block index -> OpenAI tool call index
    private final Map<Long, Integer> toolIndexes = new HashMap<>();

    public ChunkStream(boolean includeUsage) {
      this.includeUsage = includeUsage;
    }

    public List<ObjectNode> on(RawMessageStreamEvent event) {
      List<ObjectNode> chunks = new ArrayList<>();
      if (event.isMessageStart()) {
        Message message = event.asMessageStart().message();
        id = message.id();
        model = message.model().asString();
        input = message.usage().inputTokens();
        cacheRead = message.usage().cacheReadInputTokens().orElse(0L);
        cacheWrite = message.usage().cacheCreationInputTokens().orElse(0L);
        output = message.usage().outputTokens();
        ObjectNode first = chunk();
        delta(first).put("role", "assistant").put("content", "");
        chunks.add(first);
      } else if (event.isContentBlockStart()
          && event.asContentBlockStart().contentBlock().isToolUse()) {
        var toolUse = event.asContentBlockStart().contentBlock().asToolUse();
        toolIndexes.put(event.asContentBlockStart().index(), toolIndexes.size());
        ObjectNode chunk = chunk();
        delta(chunk)
            .putArray("tool_calls")
            .add(
                ChatTools.toolCall(toolUse.id(), toolUse.name(), "")
                    .put("index", toolIndexes.size() - 1));
        chunks.add(chunk);
      } else if (event.isContentBlockDelta() && event.asContentBlockDelta().delta().isText()) {
        ObjectNode chunk = chunk();
        delta(chunk).put("content", event.asContentBlockDelta().delta().asText().text());
        chunks.add(chunk);
      } else if (event.isContentBlockDelta()
          && event.asContentBlockDelta().delta().isInputJson()
          && toolIndexes.containsKey(event.asContentBlockDelta().index())) {
        ObjectNode chunk = chunk();
        ObjectNode toolCall =
            delta(chunk)
                .putArray("tool_calls")
                .addObject()
                .put("index", toolIndexes.get(event.asContentBlockDelta().index()));
        toolCall
            .putObject("function")
            .put("arguments", event.asContentBlockDelta().delta().asInputJson().partialJson());
        chunks.add(chunk);
      } else if (event.isMessageDelta()) {
        var delta = event.asMessageDelta();
        finishReason = finishReason(delta.delta().stopReason().orElse(null));
        output = delta.usage().outputTokens();
        delta.usage().inputTokens().ifPresent(v -> input = v);
        delta.usage().cacheReadInputTokens().ifPresent(v -> cacheRead = v);
        delta.usage().cacheCreationInputTokens().ifPresent(v -> cacheWrite = v);
      } else if (event.isMessageStop()) {
        chunks.add(ChatShapes.finishChunk(id, model, created, finishReason));
        if (includeUsage) {
          chunks.add(
              ChatShapes.usageChunk(
                  id, model, created, usage(new Usage(input, cacheRead, cacheWrite, output))));
        }
      }
      return chunks;
    }

    private static ObjectNode delta(ObjectNode chunk) {
      return ChatShapes.delta(chunk);
    }

    private ObjectNode chunk() {
      return ChatShapes.chunk(id, model, created);
    }
  }
}
