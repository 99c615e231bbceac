package dev.llmobs.gateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.llmobs.gateway.cache.ResponseCache;
import dev.llmobs.gateway.providers.GeminiEmbeddings;
import dev.llmobs.gateway.providers.GeminiUpstream;
import dev.llmobs.gateway.providers.ModelRouter;
import dev.llmobs.gateway.providers.OpenAiUpstream;
import dev.llmobs.gateway.providers.Provider;
import dev.llmobs.gateway.wire.JsonBodies;
import dev.llmobs.gateway.wire.OpenAiError;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** {@code POST /v1/embeddings} through openai-java; Anthropic has no embeddings API. */
public final class EmbeddingsRoute {

  /** The largest embedding any served model has (text-embedding-3-large). */
  static final int EMBEDDING_MAX_DIMENSIONS = 3072;

  private final OpenAiUpstream openAi;

  private final GeminiUpstream gemini;

  private final CachedAnswers cached;

  /** {@code cache} null: no response cache. */
  public EmbeddingsRoute(OpenAiUpstream openAi, GeminiUpstream gemini, ResponseCache cache) {
    this.openAi = openAi;
    this.gemini = gemini;
    this.cached = new CachedAnswers(cache);
  }

  public void handle(Context ctx) {
    ObjectNode raw = RequestBodies.object(ctx);
    String model = JsonBodies.requiredString(raw, "model");
    Provider provider = ModelRouter.route(model);
    if (provider == Provider.ANTHROPIC) {
      throw OpenAiError.invalidRequest(
          "The model " + OpenAiError.quote(model) + " does not support embeddings.",
          "model",
          "model_not_supported");
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
    Map<String, String> headers = UpstreamHeaders.from(ctx);
    List<String> geminiTexts =
        provider == Provider.GOOGLE ? GeminiEmbeddings.texts(raw.get("input")) : null;
    cached.answer(
        ctx,
        "embeddings",
        raw,
        headers,
        () ->
            JsonBodies.write(
                provider == Provider.GOOGLE
                    ? GeminiEmbeddings.list(
                        gemini.embed(model, geminiTexts, GeminiEmbeddings.config(raw), headers),
                        model,
                        "base64".equals(raw.path("encoding_format").asText()))
                    : openAi.embed(body, headers)));
  }
}
