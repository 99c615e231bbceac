package dev.llmobs.gateway.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.core.ObjectMappers;
import com.openai.errors.OpenAIInvalidDataException;
import java.util.function.Consumer;

/**
 * Reading request bodies: syntax errors, wrong shapes and missing fields all become 400 with an
 * OpenAI-style error, before any provider is called.
 */
public final class JsonBodies {

  /** The openai-java mapper: it knows the SDK's model types, and we reuse it for plain JSON. */
  public static final JsonMapper JSON = ObjectMappers.jsonMapper();

  private JsonBodies() {}

  public static ObjectNode object(String raw) {
    if (raw == null || raw.isBlank()) {
      throw OpenAiError.invalidRequest("Request body is empty; expected a JSON object.", null);
    }
    JsonNode node;
    try {
      node = JSON.readTree(raw);
    } catch (JsonProcessingException e) {
      throw OpenAiError.invalidRequest(
          "Request body is not valid JSON: " + e.getOriginalMessage(), null);
    }
    if (node == null || !node.isObject()) {
      throw OpenAiError.invalidRequest("Request body must be a JSON object.", null);
    }
    return (ObjectNode) node;
  }

  public static String requiredString(ObjectNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      throw OpenAiError.invalidRequest(
          "Missing required parameter: '" + field + "'.", field, "missing_required_parameter");
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw OpenAiError.invalidRequest("'" + field + "' must be a non-empty string.", field);
    }
    return value.asText();
  }

  /** An optional integer field must lie in [min, max]; absent or null passes. */
  public static void checkInteger(ObjectNode body, String field, long min, long max) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return;
    }
    if (!value.isIntegralNumber()
        || !value.canConvertToLong()
        || value.asLong() < min
        || value.asLong() > max) {
      throw OpenAiError.invalidRequest(
          "'" + field + "' must be an integer from " + min + " to " + max + ".",
          field,
          "invalid_value");
    }
  }

  /** An optional number field must be finite and lie in [min, max]; absent or null passes. */
  public static void checkNumber(ObjectNode body, String field, double min, double max) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return;
    }
    double number = value.asDouble();
    if (!value.isNumber() || !Double.isFinite(number) || number < min || number > max) {
      throw OpenAiError.invalidRequest(
          "'" + field + "' must be a number from " + min + " to " + max + ".",
          field,
          "invalid_value");
    }
  }

  /** Removes {@code stream} (the SDK sets it itself on streaming calls) and returns its value. */
  public static boolean takeStream(ObjectNode body) {
    JsonNode stream = body.remove("stream");
    if (stream == null || stream.isNull()) {
      return false;
    }
    if (!stream.isBoolean()) {
      throw OpenAiError.invalidRequest("'stream' must be a boolean.", "stream");
    }
    return stream.asBoolean();
  }

  /**
   * Binds the JSON to an SDK request type and runs the SDK's own validation of shapes and types.
   * The SDK's model enums only know OpenAI's current names, so the validation copy carries {@code
   * knownModel} instead: the model itself was already checked by the router.
   */
  public static <T> T bind(
      ObjectNode body, Class<T> type, String knownModel, Consumer<T> validate) {
    T value = treeToValue(body, type);
    try {
      validate.accept(treeToValue(body.deepCopy().put("model", knownModel), type));
    } catch (OpenAIInvalidDataException e) {
      throw OpenAiError.invalidRequest("Invalid request: " + e.getMessage(), null);
    } catch (RuntimeException e) {
      // The SDK's validation trips over what it never expects, such as null array elements.
      throw OpenAiError.invalidRequest(
          "Invalid request: a value is null or of the wrong shape.", null);
    }
    return value;
  }

  private static <T> T treeToValue(ObjectNode body, Class<T> type) {
    try {
      return JSON.treeToValue(body, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw OpenAiError.invalidRequest("Invalid request: " + e.getMessage(), null);
    }
  }

  public static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + value.getClass().getName(), e);
    }
  }

  public static ObjectNode tree(Object value) {
    return JSON.valueToTree(value);
  }
}
