package dev.llmobs.gateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Gemini API wire format ({@code models/{model}:generateContent}, {@code
 * :streamGenerateContent?alt=sse}, {@code :embedContent}, {@code :batchEmbedContents}), as the
 * google-genai SDK speaks it in Gemini Developer API mode.
 */
final class GeminiWire {

  /** The API versions served: the SDK's default and the one most samples name. */
  static final List<String> VERSIONS = List.of("v1", "v1beta");

  private static final Pattern PATH =
      Pattern.compile("/(?:v1|v1beta)/models/([A-Za-z0-9][A-Za-z0-9._-]*):([A-Za-z]+)");

  private final ObjectMapper json;

  GeminiWire(ObjectMapper json) {
    this.json = json;
  }

  static boolean isGeminiPath(String path) {
    return VERSIONS.stream().anyMatch(v -> path.startsWith("/" + v + "/models/"));
  }

  /** The model of a {@code models/{model}:{method}} path, or empty. */
  static String model(String path) {
    Matcher matcher = PATH.matcher(path);
    return matcher.matches() ? matcher.group(1) : "";
  }

  /** The method of a {@code models/{model}:{method}} path, or empty. */
  static String method(String path) {
    Matcher matcher = PATH.matcher(path);
    return matcher.matches() ? matcher.group(2) : "";
  }

  /** Gemini 2.5 (but Flash-Lite) and later models think by default, and report thought tokens. */
  static boolean isThinkingModel(String model) {
    return (model.startsWith("gemini-2.5") && !model.contains("lite"))
        || model.startsWith("gemini-3");
  }

  static String prompt(JsonNode request) {
    StringBuilder prompt = new StringBuilder();
    if (request.has("systemInstruction")) {
      prompt.append("system: ").append(request.path("systemInstruction").toString()).append('\n');
    }
    for (JsonNode content : request.path("contents")) {
      prompt.append(content.path("role").asText("user")).append(": ");
      prompt.append(content.path("parts").toString()).append('\n');
    }
    return prompt.toString();
  }

  static SimulatedTools.Offer offer(JsonNode request) {
    JsonNode declaration = null;
    for (JsonNode tool : request.path("tools")) {
      JsonNode first = tool.path("functionDeclarations").path(0);
      if (declaration == null && first.isObject()) {
        declaration = first;
      }
    }
    List<String> results = new ArrayList<>();
    for (JsonNode content : request.path("contents")) {
      for (JsonNode part : content.path("parts")) {
        if (part.has("functionResponse")) {
          results.add(SimulatedTools.text(part.path("functionResponse").path("response")));
        }
      }
    }
    JsonNode schema =
        declaration == null
            ? null
            : declaration.has("parametersJsonSchema")
                ? declaration.get("parametersJsonSchema")
                : declaration.path("parameters");
    return new SimulatedTools.Offer(
        declaration != null && declaration.path("name").isTextual()
            ? declaration.path("name").asText()
            : null,
        schema == null ? MissingNode.getInstance() : schema,
        results,
        "NONE"
            .equals(
                request.path("toolConfig").path("functionCallingConfig").path("mode").asText()));
  }

  /** The parts of a call of the tool. */
  ArrayNode functionCallParts(SimulatedTools.ToolCall call) {
    ArrayNode parts = json.createArrayNode();
    ObjectNode functionCall = parts.addObject().putObject("functionCall");
    functionCall.put("id", call.id());
    functionCall.put("name", call.name());
    functionCall.set("args", call.arguments());
    return parts;
  }

  /**
   * A {@code GenerateContentResponse}: {@code parts} as the candidate's content, {@code
   * finishReason} null for a stream chunk before the last, which reports the prompt tokens only.
   */
  ObjectNode response(
      String model, SimulatedAnswer answer, ArrayNode parts, String finishReason, boolean usage) {
    ObjectNode body = json.createObjectNode();
    ObjectNode candidate = body.putArray("candidates").addObject();
    ObjectNode content = candidate.putObject("content");
    content.put("role", "model");
    content.set("parts", parts);
    if (finishReason != null) {
      candidate.put("finishReason", finishReason);
    }
    candidate.put("index", 0);
    SimulatedUsage tokens = answer.usage();
    ObjectNode metadata = body.putObject("usageMetadata");
    metadata.put("promptTokenCount", tokens.input());
    if (tokens.cached() > 0) {
      metadata.put("cachedContentTokenCount", tokens.cached());
    }
    if (usage) {
      // Gemini semantics: candidates exclude the thoughts; the total counts both and the prompt.
      metadata.put("candidatesTokenCount", tokens.output() - tokens.reasoning());
      if (tokens.reasoning() > 0) {
        metadata.put("thoughtsTokenCount", tokens.reasoning());
      }
      metadata.put("totalTokenCount", tokens.input() + tokens.output());
    } else {
      metadata.put("totalTokenCount", tokens.input());
    }
    body.put("modelVersion", model);
    body.put("responseId", "sim" + answer.id());
    return body;
  }

  ArrayNode textParts(String text) {
    ArrayNode parts = json.createArrayNode();
    parts.addObject().put("text", text);
    return parts;
  }

  /** One embedding; {@code tokens} as Vertex AI reports it (the Developer API reports none). */
  ObjectNode embedding(float[] vector, long tokens) {
    ObjectNode embedding = json.createObjectNode();
    ArrayNode values = embedding.putArray("values");
    for (float f : vector) {
      values.add(f);
    }
    embedding.putObject("statistics").put("tokenCount", tokens).put("truncated", false);
    return embedding;
  }

  ObjectNode error(int status, String message) {
    ObjectNode body = json.createObjectNode();
    body.putObject("error")
        .put("code", status)
        .put("message", message)
        .put(
            "status",
            switch (status) {
              case 404 -> "NOT_FOUND";
              case 429 -> "RESOURCE_EXHAUSTED";
              case 500 -> "INTERNAL";
              case 503 -> "UNAVAILABLE";
              default -> "INVALID_ARGUMENT";
            });
    return body;
  }
}
