package dev.llmobs.gateway.providers;

import dev.llmobs.gateway.wire.OpenAiError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Picks the provider from the model name by an explicit table (the README lists it): a row is a
 * model name, or a name prefix ending in {@code *}. A name no row matches is unknown: 404 {@code
 * model_not_found}, as OpenAI answers.
 */
public final class ModelRouter {

  /** A model name the gateway accepts at all: an id, never free text, a path or a line break. */
  private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,255}");

  /** The routing table, in the order the README shows it. */
  static final Map<String, Provider> TABLE = table();

  /** What {@code GET /v1/models} lists; any model a row of {@link #TABLE} matches is routed. */
  public static final Map<String, Provider> LISTED_MODELS = listed();

  private ModelRouter() {}

  public static Provider route(String model) {
    if (MODEL_ID.matcher(model).matches()) {
      for (Map.Entry<String, Provider> row : TABLE.entrySet()) {
        String name = row.getKey();
        boolean matches =
            name.endsWith("*")
                ? model.startsWith(name.substring(0, name.length() - 1))
                : model.equals(name);
        // Gemini model names go into the request path: no ':' there.
        if (matches && !(row.getValue() == Provider.GOOGLE && model.contains(":"))) {
          return row.getValue();
        }
      }
    }
    throw new OpenAiError(
        404,
        "The model "
            + OpenAiError.quote(model)
            + " does not exist or is not served by this gateway.",
        "invalid_request_error",
        "model",
        "model_not_found");
  }

  private static Map<String, Provider> table() {
    Map<String, Provider> table = new LinkedHashMap<>();
    for (String openAi :
        List.of(
            "gpt-*",
            "chatgpt-*",
            "o1",
            "o1-*",
            "o3",
            "o3-*",
            "o4-mini",
            "o4-mini-*",
            "text-embedding-3-*",
            "text-embedding-ada-002")) {
      table.put(openAi, Provider.OPENAI);
    }
    table.put("claude-*", Provider.ANTHROPIC);
    table.put("gemini-*", Provider.GOOGLE);
    table.put("text-embedding-004", Provider.GOOGLE);
    return table;
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
    for (String id :
        new String[] {
          "gemini-2.5-flash", "gemini-2.5-pro", "gemini-2.0-flash", "gemini-embedding-001"
        }) {
      models.put(id, Provider.GOOGLE);
    }
    return Map.copyOf(models);
  }
}
