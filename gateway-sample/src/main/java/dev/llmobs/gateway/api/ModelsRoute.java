package dev.llmobs.gateway.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmobs.gateway.providers.ModelRouter;
import dev.llmobs.gateway.wire.JsonBodies;
import io.javalin.http.Context;
import java.util.TreeMap;

/** {@code GET /v1/models}: the models this gateway lists, in the OpenAI list shape. */
public final class ModelsRoute {

  private final String body;

  public ModelsRoute() {
    ObjectNode list = JsonBodies.JSON.createObjectNode().put("object", "list");
    ArrayNode data = list.putArray("data");
    new TreeMap<>(ModelRouter.LISTED_MODELS)
        .forEach(
            (id, provider) ->
                data.addObject()
                    .put("id", id)
                    .put("object", "model")
                    .put("created", 1_700_000_000L)
                    .put("owned_by", provider.owner()));
    this.body = list.toString();
  }

  public void handle(Context ctx) {
    ChatCompletionsRoute.json(ctx, body);
  }
}
