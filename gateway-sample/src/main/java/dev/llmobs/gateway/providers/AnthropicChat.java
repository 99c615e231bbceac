package dev.llmobs.gateway.providers;

import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmobs.gateway.wire.OpenAiError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Serves an OpenAI chat completion request with Anthropic Messages: translates the request, the
 * answer and the stream events. Text content only; Anthropic's cache tokens are folded into
 * OpenAI's {@code prompt_tokens} as the OpenAI usage semantics require.
 */
public final class AnthropicChat {

  private static final Set<String> CHAT_TEXT_PARTS = Set.of("text");

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
      String text = text(message.path("content"), CHAT_TEXT_PARTS, "messages");
      if (role.equals("system") || role.equals("developer")) {
        system.append(system.length() > 0 ? "\n" : "").append(text);
      } else {
        turns.add(new Turn(role, text));
      }
    }
    addTurns(params, turns, "messages");
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

  /** One user or assistant turn of the conversation. */
  record Turn(String role, String text) {}

  static void addTurns(MessageCreateParams.Builder params, List<Turn> turns, String param) {
    if (turns.stream().noneMatch(t -> t.role().equals("user"))) {
      throw OpenAiError.invalidRequest("claude-* models need at least one user message.", param);
    }
    for (Turn turn : turns) {
      switch (turn.role()) {
        case "user" -> params.addUserMessage(turn.text());
        case "assistant" -> params.addAssistantMessage(turn.text());
        default ->
            throw OpenAiError.invalidRequest(
                "Role '"
                    + turn.role()
                    + "' is not supported for claude-* models (system, developer, user, assistant are).",
                param);
      }
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
    for (ContentBlock block : message.content()) {
      block.text().ifPresent(t -> text.append(t.text()));
    }
    ObjectNode reply = choice.putObject("message");
    reply.put("role", "assistant");
    reply.put("content", text.toString());
    reply.putNull("refusal");
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason(message.stopReason().orElse(null)));
    body.set("usage", usage(Usage.of(message.usage())));
    return body;
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
      } else if (event.isContentBlockDelta() && event.asContentBlockDelta().delta().isText()) {
        ObjectNode chunk = chunk();
        delta(chunk).put("content", event.asContentBlockDelta().delta().asText().text());
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
