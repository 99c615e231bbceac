package dev.llmobs.gateway.providers;

import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Usage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmobs.gateway.api.JsonBodies;
import dev.llmobs.gateway.api.OpenAiError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves an OpenAI chat completion request with Anthropic Messages: translates the request, the
 * answer and the stream events. Text content only; Anthropic's cache tokens are folded into
 * OpenAI's {@code prompt_tokens} as the OpenAI usage semantics require.
 */
public final class AnthropicChat {

  /** Anthropic requires max_tokens; this applies when the client set none. */
  static final long DEFAULT_MAX_TOKENS = 4096;

  private AnthropicChat() {}

  public static MessageCreateParams request(String model, ObjectNode chat) {
    MessageCreateParams.Builder params = MessageCreateParams.builder().model(model);
    JsonNode maxTokens = chat.hasNonNull("max_completion_tokens") ? chat.get("max_completion_tokens") : chat.get("max_tokens");
    params.maxTokens(maxTokens != null && maxTokens.canConvertToLong() ? maxTokens.asLong() : DEFAULT_MAX_TOKENS);
    StringBuilder system = new StringBuilder();
    boolean anyTurn = false;
    for (JsonNode message : chat.path("messages")) {
      String role = message.path("role").asText();
      String text = text(message.path("content"));
      switch (role) {
        case "system", "developer" -> system.append(system.length() > 0 ? "\n" : "").append(text);
        case "user" -> {
          params.addUserMessage(text);
          anyTurn = true;
        }
        case "assistant" -> {
          params.addAssistantMessage(text);
          anyTurn = true;
        }
        default -> throw OpenAiError.invalidRequest(
            "Role '" + role + "' is not supported for claude-* models (system, developer, user, assistant are).", "messages");
      }
    }
    if (!anyTurn) {
      throw OpenAiError.invalidRequest("claude-* models need at least one user message.", "messages");
    }
    if (system.length() > 0) {
      params.system(system.toString());
    }
    // The 3.x builder has no typed setters for these; they go in the body as the API expects.
    for (String sampling : new String[] {"temperature", "top_p"}) {
      if (chat.path(sampling).isNumber()) {
        params.putAdditionalBodyProperty(sampling, JsonValue.from(chat.get(sampling).asDouble()));
      }
    }
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

  private static String text(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) {
      if (!"text".equals(part.path("type").asText())) {
        throw OpenAiError.invalidRequest(
            "Only text content parts are supported for claude-* models.", "messages");
      }
      text.append(part.path("text").asText());
    }
    return text.toString();
  }

  public static ObjectNode completion(Message message) {
    ObjectNode body = envelope("chat.completion", message.id(), message.model().asString(), Instant.now().getEpochSecond());
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
    Usage usage = message.usage();
    body.set("usage", usage(
        usage.inputTokens(),
        usage.cacheReadInputTokens().orElse(0L),
        usage.cacheCreationInputTokens().orElse(0L),
        usage.outputTokens()));
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
    ObjectNode body = JsonBodies.JSON.createObjectNode();
    body.put("id", id);
    body.put("object", object);
    body.put("created", created);
    body.put("model", model);
    return body;
  }

  private static ObjectNode usage(long uncachedInput, long cacheRead, long cacheWrite, long output) {
    long prompt = uncachedInput + cacheRead + cacheWrite;
    ObjectNode usage = JsonBodies.JSON.createObjectNode();
    usage.put("prompt_tokens", prompt);
    usage.put("completion_tokens", output);
    usage.put("total_tokens", prompt + output);
    usage.putObject("prompt_tokens_details").put("cached_tokens", cacheRead);
    return usage;
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
        ObjectNode last = chunk();
        ((ObjectNode) last.path("choices").get(0)).put("finish_reason", finishReason);
        chunks.add(last);
        if (includeUsage) {
          ObjectNode usage = envelope("chat.completion.chunk", id, model, created);
          usage.putArray("choices");
          usage.set("usage", usage(input, cacheRead, cacheWrite, output));
          chunks.add(usage);
        }
      }
      return chunks;
    }

    private static ObjectNode delta(ObjectNode chunk) {
      return (ObjectNode) chunk.path("choices").get(0).get("delta");
    }

    private ObjectNode chunk() {
      ObjectNode chunk = envelope("chat.completion.chunk", id, model, created);
      ObjectNode choice = chunk.putArray("choices").addObject();
      choice.put("index", 0);
      choice.putObject("delta");
      choice.putNull("finish_reason");
      return chunk;
    }
  }
}
