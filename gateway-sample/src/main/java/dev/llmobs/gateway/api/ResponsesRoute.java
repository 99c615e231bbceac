package dev.llmobs.gateway.api;

import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.core.http.StreamResponse;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import dev.llmobs.gateway.providers.AnthropicResponses;
import dev.llmobs.gateway.providers.AnthropicUpstream;
import dev.llmobs.gateway.providers.ModelRouter;
import dev.llmobs.gateway.providers.OpenAiUpstream;
import dev.llmobs.gateway.providers.Provider;
import dev.llmobs.gateway.store.Conversation;
import dev.llmobs.gateway.store.ConversationStore;
import dev.llmobs.gateway.wire.JsonBodies;
import dev.llmobs.gateway.wire.OpenAiError;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Responses API, for OpenAI models through openai-java and for {@code claude-*} models through
 * anthropic-java (translated). The gateway keeps conversation state itself: {@code
 * previous_response_id} loads the earlier items from the {@link ConversationStore}, the upstream
 * gets the whole conversation with {@code store=false}, and only a completed answer is saved, as a
 * new conversation under the new response id (so any earlier response can be continued, too).
 */
public final class ResponsesRoute {

  private static final Logger log = LoggerFactory.getLogger(ResponsesRoute.class);

  /** Output item types that can be sent back as input on the next turn. */
  private static final Set<String> REPLAYABLE_OUTPUT = Set.of("message", "function_call");

  private final OpenAiUpstream openAi;
  private final AnthropicUpstream anthropic;
  private final ConversationStore store;

  public ResponsesRoute(
      OpenAiUpstream openAi, AnthropicUpstream anthropic, ConversationStore store) {
    this.openAi = openAi;
    this.anthropic = anthropic;
    this.store = store;
  }

  /** What one request continues from and adds. */
  private record Turn(
      String previousId,
      String conversationId,
      List<String> history,
      ArrayNode input,
      boolean save) {}

  public void create(Context ctx) throws IOException {
    ObjectNode raw = RequestBodies.object(ctx);
    boolean stream = JsonBodies.takeStream(raw);
    String model = JsonBodies.requiredString(raw, "model");
    Provider provider = ModelRouter.route(model);
    if (provider == Provider.GOOGLE) {
      throw OpenAiError.invalidRequest(
          "gemini-* models are served on /v1/chat/completions and /v1/embeddings, not on"
              + " /v1/responses.",
          "model",
          "model_not_supported");
    }
    JsonBodies.checkInteger(raw, "max_output_tokens", 1, Integer.MAX_VALUE);
    JsonBodies.checkNumber(raw, "temperature", 0, 2);
    JsonBodies.checkNumber(raw, "top_p", 0, 1);
    Turn turn = turn(raw);
    ResponseCreateParams.Body body =
        JsonBodies.bind(
            raw, ResponseCreateParams.Body.class, "gpt-4o", ResponseCreateParams.Body::validate);
    Map<String, String> headers = UpstreamHeaders.from(ctx);
    if (provider == Provider.ANTHROPIC) {
      createWithAnthropic(ctx, model, raw, turn, stream, headers);
    } else if (stream) {
      try (StreamResponse<ResponseStreamEvent> events = openAi.respondStream(body, headers)) {
        SseWriter sse = SseWriter.open(ctx);
        Streams.relay(
            sse,
            () -> {
              for (ResponseStreamEvent event :
                  (Iterable<ResponseStreamEvent>) events.stream()::iterator) {
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
      Context ctx,
      String model,
      ObjectNode raw,
      Turn turn,
      boolean stream,
      Map<String, String> headers)
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
    try (com.anthropic.core.http.StreamResponse<RawMessageStreamEvent> events =
        anthropic.messageStream(params, headers)) {
      SseWriter sse = SseWriter.open(ctx);
      Streams.relay(
          sse,
          () -> {
            for (RawMessageStreamEvent event :
                (Iterable<RawMessageStreamEvent>) events.stream()::iterator) {
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
    ChatCompletionsRoute.json(ctx, InputItems.list(stored(ctx.pathParam("response_id"))));
  }

  /** {@code DELETE /v1/responses/{response_id}}: forgets the stored conversation. */
  public void delete(Context ctx) {
    String id = ctx.pathParam("response_id");
    if (ConversationsRoute.isConversationId(id) || !store.delete(id)) {
      throw notFound(id);
    }
    ObjectNode deleted =
        JsonBodies.JSON
            .createObjectNode()
            .put("id", id)
            .put("object", "response")
            .put("deleted", true);
    ChatCompletionsRoute.json(ctx, deleted.toString());
  }

  private Turn turn(ObjectNode raw) {
    ArrayNode items = InputItems.normalize(raw.get("input"), "input", false);
    String previousId = optionalId(raw.remove("previous_response_id"), "previous_response_id");
    JsonNode conversation = raw.remove("conversation");
    String conversationId =
        optionalId(
            conversation != null && conversation.isObject() ? conversation.get("id") : conversation,
            "conversation");
    if (previousId != null && conversationId != null) {
      throw OpenAiError.invalidRequest(
          "'previous_response_id' and 'conversation' cannot both be set.",
          "conversation",
          "mutually_exclusive_parameters");
    }
    List<String> history =
        previousId != null
            ? previous(previousId).items()
            : conversationId != null ? conversation(conversationId).items() : List.of();
    boolean save = raw.path("store").asBoolean(true);
    ArrayNode upstreamInput = JsonBodies.JSON.createArrayNode();
    history.forEach(item -> upstreamInput.add(InputItems.parse(item)));
    upstreamInput.addAll(items);
    raw.set("input", upstreamInput);
    // The gateway is the one that remembers; the upstream need not.
    raw.put("store", false);
    return new Turn(previousId, conversationId, history, items, save);
  }

  private static String optionalId(JsonNode value, String param) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw OpenAiError.invalidRequest("'" + param + "' must be an id string.", param);
    }
    return value.asText();
  }

  private void save(Turn turn, ObjectNode response) {
    List<String> turnItems = new ArrayList<>(InputItems.texts(turn.input()));
    for (JsonNode output : response.path("output")) {
      if (REPLAYABLE_OUTPUT.contains(output.path("type").asText())) {
        turnItems.add(output.toString());
      }
    }
    if (turn.conversationId() != null) {
      // A named conversation grows by every turn, in one atomic append.
      if (!store.append(turn.conversationId(), turnItems)) {
        log.warn(
            "conversation {} was deleted during the call; the turn is not saved",
            turn.conversationId());
      }
      return;
    }
    if (!turn.save()) {
      return;
    }
    List<String> items = new ArrayList<>(turn.history());
    items.addAll(turnItems);
    store.create(new Conversation(response.path("id").asText(), items));
  }

  /** The response as the client sees it: with its own previous id and store flag. */
  private static ObjectNode describe(ObjectNode response, Turn turn) {
    response.put("previous_response_id", turn.previousId());
    if (turn.conversationId() != null) {
      response.putObject("conversation").put("id", turn.conversationId());
    }
    response.put("store", turn.save());
    return response;
  }

  private Conversation stored(String id) {
    return responseConversation(id).orElseThrow(() -> notFound(id));
  }

  private Optional<Conversation> responseConversation(String id) {
    return ConversationsRoute.isConversationId(id) ? Optional.empty() : store.get(id);
  }

  private Conversation conversation(String id) {
    return (ConversationsRoute.isConversationId(id)
            ? store.get(id)
            : Optional.<Conversation>empty())
        .orElseThrow(
            () ->
                OpenAiError.invalidRequest(
                    "Conversation with id '" + id + "' not found.",
                    "conversation",
                    "conversation_not_found"));
  }

  private Conversation previous(String id) {
    return responseConversation(id)
        .orElseThrow(
            () ->
                OpenAiError.invalidRequest(
                    "Previous response with id '" + id + "' not found.",
                    "previous_response_id",
                    "previous_response_not_found"));
  }

  private static OpenAiError notFound(String id) {
    return new OpenAiError(
        404,
        "No response found with id '" + id + "'.",
        "invalid_request_error",
        "response_id",
        "not_found");
  }
}
