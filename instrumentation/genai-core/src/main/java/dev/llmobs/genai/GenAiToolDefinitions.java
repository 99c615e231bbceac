package dev.llmobs.genai;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code gen_ai.tool.definitions} JSON in the semantic conventions' shape: {@code
 * [{"type":"function","name":..,"description":..,"parameters":{..}}]}. Used only when content
 * capture is on. Within the size limit: when the whole list does not fit, every definition is
 * recorded by type and name only (the required properties), and those that still do not fit are
 * left out. A parameter schema that is not one valid JSON value is left out.
 */
public final class GenAiToolDefinitions {

  private final List<String[]> tools = new ArrayList<>();

  /**
   * Adds a tool: its type ({@code function} for the application's own tools, or a provider's
   * built-in tool type), name, description and parameter JSON schema (each may be null).
   */
  public GenAiToolDefinitions add(String type, String name, String description, String parameters) {
    tools.add(
        new String[] {
          GenAiStrings.cap(type == null ? "function" : type),
          GenAiStrings.cap(name == null ? "" : name),
          description,
          parameters
        });
    return this;
  }

  public boolean isEmpty() {
    return tools.isEmpty();
  }

  /** The JSON, or null when there are no tools. */
  public String toJson(int maxLength) {
    if (tools.isEmpty()) {
      return null;
    }
    String whole = toJson(maxLength, true);
    return whole != null ? whole : toJson(maxLength, false);
  }

  // null when detailed and not everything fits
  private String toJson(int maxLength, boolean detailed) {
    StringBuilder json = new StringBuilder("[");
    for (String[] tool : tools) {
      StringBuilder one = new StringBuilder(json.length() == 1 ? "{" : ",{");
      one.append("\"type\":");
      GenAiJson.string(one, tool[0]);
      one.append(",\"name\":");
      GenAiJson.string(one, tool[1]);
      if (detailed && tool[2] != null) {
        one.append(",\"description\":");
        GenAiJson.string(one, tool[2]);
      }
      if (detailed && GenAiJson.isValue(tool[3])) {
        one.append(",\"parameters\":").append(tool[3].trim());
      }
      one.append('}');
      if (json.length() + one.length() + 1 > maxLength) {
        if (detailed) {
          return null;
        }
        break;
      }
      json.append(one);
    }
    return json.append(']').toString();
  }
}
