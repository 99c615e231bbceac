package dev.llmobs.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.core.http.StreamResponse;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import dev.llmobs.gateway.providers.AnthropicResponses;
import dev.llmobs.gateway.providers.AnthropicUpstream;
import dev.llmobs.gateway.providers.ModelRouter;
import dev.llmobs.gateway.providers.OpenAiUpstream;
import dev.llmobs.gateway.providers.Provider;
import dev.llmobs.gateway.store.Conversation;
import dev.llmobs.gateway.store.ConversationStore;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The Responses API, for OpenAI models through openai-java and for {@code claude-*} models through
 * anthropic-java (translated). The gateway keeps conversation state itself: {@code previous_response_id}
 * loads the earlier items from the {@link ConversationStore}, the upstream gets the whole
 * conversation with {@code store=false}, and only a completed answer is saved, as a new
 * conversation under the new response id (so any earlier response can be continued, too).
 */
public final class ResponsesRoute {

  /** Output item types that can be sent back as input on the next turn. */
  private static final Set<String> REPLAYABLE_OUTPUT = Set.of("message", "function_call");

  private final OpenAiUpstream openAi;
  private final AnthropicUpstream anthropic;
  private final ConversationStore store;

  public ResponsesRoute(OpenAiUpstream openAi, AnthropicUpstream anthropic, ConversationStore store) {
    this.openAi = openAi;
    this.anthropic = anthropic;
    this.store = store;
  }

  /** What one request continues from and adds. */
  private record Turn(String previousId, List<String> history, ArrayNode input, boolean save) {}

  public void create(Context ctx) throws IOException {
    ObjectNode raw = JsonBodies.object(ctx.body());
    boolean stream = JsonBodies.takeStream(raw);
    String model = JsonBodies.requiredString(raw, "model");
    Provider provider = ModelRouter.route(model);
    Turn turn = turn(raw);
    ResponseCreateParams.Body body =
        JsonBodies.bind(raw, ResponseCreateParams.Body.class, "gpt-4o", ResponseCreateParams.Body::validate);
    Map<String, String> headers = UpstreamHeaders.from(ctx);
    if (provider == Provider.ANTHROPIC) {
      createWithAnthropic(ctx, model, raw, turn, stream, headers);
    } else if (stream) {
      try (StreamResponse<ResponseStreamEvent> events = openAi.respondStream(body, headers)) {
        SseWriter sse = SseWriter.open(ctx);
        Streams.relay(sse, () -> {
          for (ResponseStreamEvent event : (Iterable<ResponseStreamEvent>) events.stream()::iterator) {
            emit(sse, turn, JsonBodies.tree(event));
          }
        });
      }
    } else {
      ObjectNode json = JsonBodies.tree(openAi.respond(body, headers));
      save(turn, json);
      ChatCompletionsRoute.json(ctx, describe(json, turn).toString());
    }
  }

  private void createWithAnthropic(
      Context ctx, String model, ObjectNode raw, Turn turn, boolean stream, Map<String, String> headers)
      throws IOException {
    MessageCreateParams params = AnthropicResponses.request(model, raw);
    // Anthropic has no response ids of its own: the gateway makes them.
    String id = "resp_" + UUID.randomUUID().toString().replace("-", "");
    if (!stream) {
      ObjectNode json = AnthropicResponses.response(anthropic.message(params, headers), id, raw);
      save(turn, json);
      ChatCompletionsRoute.json(ctx, describe(json, turn).toString());
      return;
    }
    AnthropicResponses.EventStream translate = new AnthropicResponses.EventStream(id, raw);
    try (com.anthropic.core.http.StreamResponse<RawMessageStreamEvent> events = anthropic.messageStream(params, headers)) {
      SseWriter sse = SseWriter.open(ctx);
      Streams.relay(sse, () -> {
        for (RawMessageStreamEvent event : (Iterable<RawMessageStreamEvent>) events.stream()::iterator) {
          for (ObjectNode json : translate.on(event)) {
            emit(sse, turn, json);
          }
        }
      });
    }
  }

  /** Sends one Responses stream event; a completed response is saved before the client sees it. */
  private void emit(SseWriter sse, Turn turn, ObjectNode event) throws IOException {
    JsonNode response = event.get("response");
    if (response instanceof ObjectNode responseJson) {
      if ("response.completed".equals(event.path("type").asText())) {
        save(turn, responseJson);
      }
      describe(responseJson, turn);
    }
    sse.event(event.path("type").asText("message"), event.toString());
  }

  /** {@code GET /v1/responses/{response_id}/input_items}: the stored conversation. */
  public void inputItems(Context ctx) {
    Conversation conversation = stored(ctx.pathParam("response_id"));
    ObjectNode list = JsonBodies.JSON.createObjectNode().put("object", "list");
    ArrayNode data = list.putArray("data");
    for (String item : conversation.items()) {
      data.add(parse(item));
    }
    list.put("first_id", data.isEmpty() ? null : data.get(0).path("id").asText(null));
    list.put("last_id", data.isEmpty() ? null : data.get(data.size() - 1).path("id").asText(null));
    list.put("has_more", false);
    ChatCompletionsRoute.json(ctx, list.toString());
  }

  /** {@code DELETE /v1/responses/{response_id}}: forgets the stored conversation. */
  public void delete(Context ctx) {
    String id = ctx.pathParam("response_id");
    if (!store.delete(id)) {
      throw notFound(id);
    }
    ObjectNode deleted = JsonBodies.JSON.createObjectNode().put("id", id).put("object", "response").put("deleted", true);
    ChatCompletionsRoute.json(ctx, deleted.toString());
  }

  private Turn turn(ObjectNode raw) {
    JsonNode input = raw.get("input");
    ArrayNode items = JsonBodies.JSON.createArrayNode();
    if (input == null || input.isNull()) {
      throw OpenAiError.invalidRequest("Missing required parameter: 'input'.", "input", "missing_required_parameter");
    } else if (input.isTextual()) {
      items.addObject().put("type", "message").put("role", "user").put("content", input.asText());
    } else if (input.isArray() && !input.isEmpty() && allObjects(input)) {
      for (JsonNode item : input) {
        ObjectNode copy = (ObjectNode) item.deepCopy();
        // The API treats {role, content} as a message item; the SDK's item union needs the type.
        if (!copy.has("type") && copy.has("role")) {
          copy.put("type", "message");
        }
        items.add(copy);
      }
    } else {
      throw OpenAiError.invalidRequest("'input' must be a string or a non-empty array of input items.", "input");
    }
    String previousId = null;
    JsonNode previous = raw.remove("previous_response_id");
    if (previous != null && !previous.isNull()) {
      if (!previous.isTextual() || previous.asText().isBlank()) {
        throw OpenAiError.invalidRequest("'previous_response_id' must be a string.", "previous_response_id");
      }
      previousId = previous.asText();
    }
    List<String> history = previousId == null ? List.of() : previous(previousId).items();
    boolean save = raw.path("store").asBoolean(true);
    ArrayNode upstreamInput = JsonBodies.JSON.createArrayNode();
    history.forEach(item -> upstreamInput.add(parse(item)));
    upstreamInput.addAll(items);
    raw.set("input", upstreamInput);
    // The gateway is the one that remembers; the upstream need not.
    raw.put("store", false);
    return new Turn(previousId, history, items, save);
  }

  private static boolean allObjects(JsonNode array) {
    for (JsonNode item : array) {
      if (!item.isObject()) {
        return false;
      }
    }
    return true;
  }

  private void save(Turn turn, ObjectNode response) {
    if (!turn.save()) {
      return;
    }
    List<String> items = new ArrayList<>(turn.history());
    turn.input().forEach(item -> items.add(item.toString()));
    for (JsonNode output : response.path("output")) {
      if (REPLAYABLE_OUTPUT.contains(output.path("type").asText())) {
        items.add(output.toString());
      }
    }
    store.create(new Conversation(response.path("id").asText(), items));
  }

  /** The response as the client sees it: with its own previous id and store flag. */
  private static ObjectNode describe(ObjectNode response, Turn turn) {
    response.put("previous_response_id", turn.previousId());
    response.put("store", turn.save());
    return response;
  }

  private Conversation stored(String id) {
    return store.get(id).orElseThrow(() -> notFound(id));
  }

  private Conversation previous(String id) {
    return store.get(id)
        .orElseThrow(() -> OpenAiError.invalidRequest(
            "Previous response with id '" + id + "' not found.",
            "previous_response_id",
            "previous_response_not_found"));
  }

  private static OpenAiError notFound(String id) {
    return new OpenAiError(404, "No response found with id '" + id + "'.", "invalid_request_error", "response_id", "not_found");
  }

  private static JsonNode parse(String item) {
    try {
      return JsonBodies.JSON.readTree(item);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored conversation item is not JSON", e);
    }
  }
}
