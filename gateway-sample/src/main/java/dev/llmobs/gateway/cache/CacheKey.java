package dev.llmobs.gateway.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What identifies a cacheable request: the operation, and the request normalised (object keys
 * sorted at every level, numbers by value, fields that do not change the answer left out) together
 * with the headers the gateway forwards upstream. Two requests that differ only in key order,
 * {@code 1} versus {@code 1.0}, or {@code user} get the same key. The key holds the SHA-256 of that
 * normal form, not the request: 32 bytes whatever the prompt's size, and no content.
 */
public final class CacheKey {

  /** Request fields that do not change the answer. */
  private static final Set<String> IGNORED =
      Set.of(
          "stream",
          "stream_options",
          "user",
          "metadata",
          "store",
          "service_tier",
          "safety_identifier",
          "prompt_cache_key");

  private final String operation;
  private final String model;
  private final byte[] digest;
  private final int hash;

  private CacheKey(String operation, String model, byte[] digest) {
    this.operation = operation;
    this.model = model;
    this.digest = digest;
    this.hash = Arrays.hashCode(digest);
  }

  /**
   * @param operation what the request asks for, such as {@code chat} or {@code embeddings}
   * @param request the request body as the client sent it
   * @param upstreamHeaders the headers forwarded upstream, which can change the answer
   */
  public static CacheKey of(
      String operation, ObjectNode request, Map<String, String> upstreamHeaders) {
    ObjectNode key = JsonNodeFactory.instance.objectNode();
    key.put("operation", operation);
    key.set("request", normalise(request, true));
    ObjectNode headers = key.putObject("headers");
    new TreeMap<>(upstreamHeaders).forEach(headers::put);
    return new CacheKey(operation, request.path("model").asText(""), sha256(key.toString()));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode normalise(JsonNode node, boolean top) {
    if (node.isObject()) {
      ObjectNode sorted = JsonNodeFactory.instance.objectNode();
      new TreeMap<String, JsonNode>(toMap(node))
          .forEach(
              (name, value) -> {
                if (!(top && IGNORED.contains(name))) {
                  sorted.set(name, normalise(value, false));
                }
              });
      return sorted;
    }
    if (node.isArray()) {
      var array = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> array.add(normalise(element, false)));
      return array;
    }
    if (node.isNumber() && !(node.isFloatingPointNumber() && !Double.isFinite(node.asDouble()))) {
      return DecimalNode.valueOf(node.decimalValue().stripTrailingZeros());
    }
    return node;
  }

  private static Map<String, JsonNode> toMap(JsonNode object) {
    Map<String, JsonNode> fields = new TreeMap<>();
    object.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
    return fields;
  }

  public String operation() {
    return operation;
  }

  public String model() {
    return model;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CacheKey key && hash == key.hash && Arrays.equals(digest, key.digest);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** The digest, never the request itself: keys may end up in logs and traces. */
  @Override
  public String toString() {
    return "CacheKey[" + operation + " sha256:" + HexFormat.of().formatHex(digest, 0, 8) + "]";
  }
}
