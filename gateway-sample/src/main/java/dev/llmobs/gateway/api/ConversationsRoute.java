package dev.llmobs.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmobs.gateway.store.Conversation;
import dev.llmobs.gateway.store.ConversationStore;
import dev.llmobs.gateway.wire.JsonBodies;
import dev.llmobs.gateway.wire.OpenAiError;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The Conversations API: a conversation the client names in {@code /v1/responses} with {@code
 * "conversation"} grows by each turn's input and output (an append to the store), unlike a chain of
 * {@code previous_response_id}s, where each response is a conversation of its own.
 */
public final class ConversationsRoute {

  static final String ID_PREFIX = "conv_";

  private final ConversationStore store;

  public ConversationsRoute(ConversationStore store) {
    this.store = store;
  }

  /** {@code POST /v1/conversations}, optionally with initial {@code items}. */
  public void create(Context ctx) {
    String raw = RequestBodies.text(ctx);
    ObjectNode body =
        raw == null || raw.isBlank() ? JsonBodies.JSON.createObjectNode() : JsonBodies.object(raw);
    JsonNode items = body.get("items");
    String id = ID_PREFIX + UUID.randomUUID().toString().replace("-", "");
    store.create(
        new Conversation(
            id,
            items == null || items.isNull()
                ? List.of()
                : InputItems.texts(InputItems.normalize(items, "items", true))));
    ObjectNode conversation =
        JsonBodies.JSON
            .createObjectNode()
            .put("id", id)
            .put("object", "conversation")
            .put("created_at", Instant.now().getEpochSecond());
    conversation.set(
        "metadata",
        body.path("metadata").isObject()
            ? body.get("metadata")
            : JsonBodies.JSON.createObjectNode());
    ChatCompletionsRoute.json(ctx, conversation.toString());
  }

  /** {@code GET /v1/conversations/{conversation_id}/items}. */
  public void items(Context ctx) {
    String id = ctx.pathParam("conversation_id");
    Conversation conversation =
        (isConversationId(id) ? store.get(id) : Optional.<Conversation>empty())
            .orElseThrow(() -> notFound(id));
    ChatCompletionsRoute.json(ctx, InputItems.list(conversation));
  }

  /** {@code DELETE /v1/conversations/{conversation_id}}. */
  public void delete(Context ctx) {
    String id = ctx.pathParam("conversation_id");
    if (!isConversationId(id) || !store.delete(id)) {
      throw notFound(id);
    }
    ChatCompletionsRoute.json(
        ctx,
        JsonBodies.JSON
            .createObjectNode()
            .put("id", id)
            .put("object", "conversation.deleted")
            .put("deleted", true)
            .toString());
  }

  /** Conversations and responses share the store; the prefix keeps each API to its own. */
  static boolean isConversationId(String id) {
    return id.startsWith(ID_PREFIX);
  }

  private static OpenAiError notFound(String id) {
    return new OpenAiError(
        404,
        "No conversation found with id '" + id + "'.",
        "invalid_request_error",
        "conversation_id",
        "not_found");
  }
}
