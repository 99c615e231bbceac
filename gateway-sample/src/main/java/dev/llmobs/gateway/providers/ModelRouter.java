package dev.llmobs.gateway.providers;

import dev.llmobs.gateway.api.OpenAiError;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Picks the provider from the model name: {@code gpt-*}, {@code o*} and embeddings go to OpenAI,
 * {@code claude-*} to Anthropic.
 */
public final class ModelRouter {

  /** What {@code GET /v1/models} lists; any model matching a prefix is routed, listed or not. */
  public static final Map<String, Provider> LISTED_MODELS = listed();

  private ModelRouter() {}

  public static Provider route(String model) {
    if (model.startsWith("gpt-") || model.startsWith("o") || model.startsWith("text-embedding-")) {
      return Provider.OPENAI;
    }
    if (model.startsWith("claude-")) {
      return Provider.ANTHROPIC;
    }
    throw new OpenAiError(
        400,
        "The model '"
            + model
            + "' does not exist or is not served by this gateway"
            + " (known prefixes: gpt-, o, text-embedding-, claude-).",
        "invalid_request_error",
        "model",
        "model_not_found");
  }

  private static Map<String, Provider> listed() {
    Map<String, Provider> models = new LinkedHashMap<>();
    for (String id :
        new String[] {
          "gpt-4o",
          "gpt-4o-mini",
          "gpt-4.1",
          "o3-mini",
          "o4-mini",
          "text-embedding-3-small",
          "text-embedding-3-large"
        }) {
      models.put(id, Provider.OPENAI);
    }
    for (String id : new String[] {"claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1"}) {
      models.put(id, Provider.ANTHROPIC);
    }
    return Map.copyOf(models);
  }
}
