package dev.llmobs.gateway.providers;

import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmobs.gateway.wire.JsonBodies;
import dev.llmobs.gateway.wire.OpenAiError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Serves a Responses API request with Anthropic Messages: message input items in, a {@code
 * response} object (or its stream events) out. Text only, like {@link AnthropicChat}.
 */
public final class AnthropicResponses {

  private static final Set<String> TEXT_PARTS = Set.of("input_text", "output_text", "text");

  private AnthropicResponses() {}

  /**
   * {@code body} carries the whole conversation in {@code input}, as the gateway sends it upstream.
   */
  public static MessageCreateParams request(String model, ObjectNode body) {
    MessageCreateParams.Builder params = MessageCreateParams.builder().model(model);
    JsonNode maxTokens = body.get("max_output_tokens");
    params.maxTokens(
        maxTokens != null && maxTokens.canConvertToLong()
            ? maxTokens.asLong()
            : AnthropicChat.DEFAULT_MAX_TOKENS);
    StringBuilder system = new StringBuilder(body.path("instructions").asText(""));
    List<AnthropicChat.Turn> turns = new ArrayList<>();
    for (JsonNode item : body.path("input")) {
      if (!"message".equals(item.path("type").asText("message"))) {
        throw OpenAiError.invalidRequest(
            "Only message input items are supported for claude-* models, not '"
                + item.path("type").asText()
                + "'.",
            "input");
      }
      String role = item.path("role").asText();
      String text = AnthropicChat.text(item.path("content"), TEXT_PARTS, "input");
      if (role.equals("system") || role.equals("developer")) {
        system.append(system.length() > 0 ? "\n" : "").append(text);
      } else {
        turns.add(AnthropicChat.Turn.text(role, text));
      }
    }
    AnthropicChat.addTurns(params, turns, "input");
    if (system.length() > 0) {
      params.system(system.toString());
    }
    AnthropicChat.addSampling(params, body);
    return params.build();
  }

  public static ObjectNode response(Message message, String responseId, ObjectNode request) {
    StringBuilder text = new StringBuilder();
    for (ContentBlock block : message.content()) {
      block.text().ifPresent(t -> text.append(t.text()));
    }
    AnthropicChat.Usage usage = AnthropicChat.Usage.of(message.usage());
    return responseJson(
        responseId,
        message.model().asString(),
        request,
        message.id(),
        text.toString(),
        message.stopReason().orElse(null),
        usage,
        Instant.now().getEpochSecond());
  }

  private static ObjectNode responseJson(
      String id,
      String model,
      ObjectNode request,
      String messageId,
      String text,
      StopReason stop,
      AnthropicChat.Usage usage,
      long createdAt) {
    boolean complete = text != null;
    ObjectNode body = JsonBodies.JSON.createObjectNode();
    body.put("id", id);
    body.put("object", "response");
    body.put("created_at", createdAt);
    boolean truncated = stop != null && "max_tokens".equals(stop.asString());
    body.put("status", !complete ? "in_progress" : truncated ? "incomplete" : "completed");
    body.putNull("error");
    if (truncated) {
      body.putObject("incomplete_details").put("reason", "max_output_tokens");
    } else {
      body.putNull("incomplete_details");
    }
    body.set(
        "instructions",
        request.path("instructions").isTextual()
            ? request.get("instructions")
            : JsonBodies.JSON.nullNode());
    body.set(
        "max_output_tokens",
        request.hasNonNull("max_output_tokens")
            ? request.get("max_output_tokens")
            : JsonBodies.JSON.nullNode());
    body.putObject("metadata");
    body.put("model", model);
    ArrayNode output = body.putArray("output");
    if (complete) {
      output.add(outputMessage(messageId, text, "completed"));
    }
    body.put("parallel_tool_calls", true);
    body.put("temperature", request.path("temperature").asDouble(1.0));
    body.put("tool_choice", "auto");
    body.putArray("tools");
    body.put("top_p", request.path("top_p").asDouble(1.0));
    if (complete) {
      ObjectNode node = body.putObject("usage");
      node.put("input_tokens", usage.promptTokens());
      node.putObject("input_tokens_details").put("cached_tokens", usage.cacheRead());
      node.put("output_tokens", usage.output());
      node.putObject("output_tokens_details").put("reasoning_tokens", 0);
      node.put("total_tokens", usage.promptTokens() + usage.output());
    } else {
      body.putNull("usage");
    }
    return body;
  }

  private static ObjectNode outputMessage(String messageId, String text, String status) {
    ObjectNode item = JsonBodies.JSON.createObjectNode();
    item.put("type", "message");
    item.put("id", messageId);
    item.put("status", status);
    item.put("role", "assistant");
    ArrayNode content = item.putArray("content");
    if (text != null) {
      content.add(outputText(text));
    }
    return item;
  }

  private static ObjectNode outputText(String text) {
    ObjectNode part = JsonBodies.JSON.createObjectNode();
    part.put("type", "output_text");
    part.put("text", text);
    part.putArray("annotations");
    return part;
  }

  /** Turns one Messages stream into Responses stream events, event by event. */
  public static final class EventStream {
    private final String responseId;
    private final ObjectNode request;
    private final long createdAt = Instant.now().getEpochSecond();
    private final StringBuilder text = new StringBuilder();
    private int sequence;
    private String messageId = "";
    private String model = "";
    private long input;
    private long cacheRead;
    private long cacheWrite;
    private long output;
    private StopReason stop;

    public EventStream(String responseId, ObjectNode request) {
      this.responseId = responseId;
      this.request = request;
    }

    public List<ObjectNode> on(RawMessageStreamEvent event) {
      List<ObjectNode> events = new ArrayList<>();
      if (event.isMessageStart()) {
        Message message = event.asMessageStart().message();
        messageId = message.id();
        model = message.model().asString();
        input = message.usage().inputTokens();
        cacheRead = message.usage().cacheReadInputTokens().orElse(0L);
        cacheWrite = message.usage().cacheCreationInputTokens().orElse(0L);
        output = message.usage().outputTokens();
        events.add(withResponse(event("response.created"), null));
        events.add(withResponse(event("response.in_progress"), null));
        ObjectNode added = event("response.output_item.added").put("output_index", 0);
        added.set("item", outputMessage(messageId, null, "in_progress"));
        events.add(added);
        ObjectNode part = content(event("response.content_part.added"));
        part.set("part", outputText(""));
        events.add(part);
      } else if (event.isContentBlockDelta() && event.asContentBlockDelta().delta().isText()) {
        String delta = event.asContentBlockDelta().delta().asText().text();
        text.append(delta);
        ObjectNode node = content(event("response.output_text.delta")).put("delta", delta);
        node.putArray("logprobs");
        events.add(node);
      } else if (event.isMessageDelta()) {
        var delta = event.asMessageDelta();
        stop = delta.delta().stopReason().orElse(null);
        output = delta.usage().outputTokens();
        delta.usage().inputTokens().ifPresent(v -> input = v);
        delta.usage().cacheReadInputTokens().ifPresent(v -> cacheRead = v);
        delta.usage().cacheCreationInputTokens().ifPresent(v -> cacheWrite = v);
      } else if (event.isMessageStop()) {
        ObjectNode done = content(event("response.output_text.done")).put("text", text.toString());
        done.putArray("logprobs");
        events.add(done);
        ObjectNode partDone = content(event("response.content_part.done"));
        partDone.set("part", outputText(text.toString()));
        events.add(partDone);
        ObjectNode itemDone = event("response.output_item.done").put("output_index", 0);
        itemDone.set("item", outputMessage(messageId, text.toString(), "completed"));
        events.add(itemDone);
        events.add(withResponse(event("response.completed"), text.toString()));
      }
      return events;
    }

    private ObjectNode event(String type) {
      return JsonBodies.JSON
          .createObjectNode()
          .put("type", type)
          .put("sequence_number", sequence++);
    }

    private ObjectNode content(ObjectNode event) {
      return event.put("item_id", messageId).put("output_index", 0).put("content_index", 0);
    }

    private ObjectNode withResponse(ObjectNode event, String finalText) {
      event.set(
          "response",
          responseJson(
              responseId,
              model,
              request,
              messageId,
              finalText,
              stop,
              new AnthropicChat.Usage(input, cacheRead, cacheWrite, output),
              createdAt));
      return event;
    }
  }
}
