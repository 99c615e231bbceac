package dev.llmobs.gateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.llmobs.gateway.providers.ModelRouter;
import dev.llmobs.gateway.providers.OpenAiUpstream;
import dev.llmobs.gateway.providers.Provider;
import dev.llmobs.gateway.wire.JsonBodies;
import dev.llmobs.gateway.wire.OpenAiError;
import io.javalin.http.Context;

/** {@code POST /v1/embeddings} through openai-java; Anthropic has no embeddings API. */
public final class EmbeddingsRoute {

  /** The largest embedding any served model has (text-embedding-3-large). */
  static final int EMBEDDING_MAX_DIMENSIONS = 3072;

  private final OpenAiUpstream openAi;

  public EmbeddingsRoute(OpenAiUpstream openAi) {
    this.openAi = openAi;
  }

  public void handle(Context ctx) {
    ObjectNode raw = RequestBodies.object(ctx);
    String model = JsonBodies.requiredString(raw, "model");
    if (ModelRouter.route(model) != Provider.OPENAI) {
      throw OpenAiError.invalidRequest(
          "The model '" + model + "' does not support embeddings.", "model", "model_not_supported");
    }
    if (!raw.hasNonNull("input")) {
      throw OpenAiError.invalidRequest(
          "Missing required parameter: 'input'.", "input", "missing_required_parameter");
    }
    JsonBodies.checkInteger(raw, "dimensions", 1, EMBEDDING_MAX_DIMENSIONS);
    EmbeddingCreateParams.Body body =
        JsonBodies.bind(
            raw,
            EmbeddingCreateParams.Body.class,
            "text-embedding-3-small",
            EmbeddingCreateParams.Body::validate);
    ChatCompletionsRoute.json(ctx, JsonBodies.write(openAi.embed(body, UpstreamHeaders.from(ctx))));
  }
}
