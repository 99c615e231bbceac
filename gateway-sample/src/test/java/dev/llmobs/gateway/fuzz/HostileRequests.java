package dev.llmobs.gateway.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmobs.gateway.RawHttp;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded generator of hostile HTTP requests: truncated and deeply nested JSON, wrong types for
 * every field of every endpoint's body, huge strings, bad UTF-8 and charsets, hostile model names
 * and ids, oversized headers, bad paths, methods and framing. The same seed gives the same
 * requests.
 */
public final class HostileRequests {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A model name a hostile request carries, with CR/LF that would forge a log line. */
  public static final String FORGED = "\r\n{\"level\":\"ERROR\",\"message\":\"forged\"}\r\n";

  /** One request: what kind of hostility, its request line and headers, and its body. */
  public record Hostile(String kind, String method, String target, byte[] head, byte[] body) {
    public String describe() {
      String text = new String(body, StandardCharsets.UTF_8);
      return kind
          + " "
          + method
          + " "
          + cut(target)
          + " headers="
          + cut(new String(head, StandardCharsets.ISO_8859_1))
          + " body("
          + body.length
          + ")="
          + cut(text);
    }

    private static String cut(String s) {
      return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
  }

  /** An endpoint that takes a JSON body, and a valid body for it. */
  public record Endpoint(String path, ObjectNode template) {}

  private final Random random;
  private final List<Endpoint> endpoints;
  private final List<String> models;
  private final boolean bodiesOnly;

  /**
   * {@code bodiesOnly} keeps to hostile bodies and simulator headers, for a server whose HTTP layer
   * is not under test.
   */
  public HostileRequests(
      long seed, List<Endpoint> endpoints, List<String> models, boolean bodiesOnly) {
    this.random = new Random(seed);
    this.endpoints = endpoints;
    this.models = models;
    this.bodiesOnly = bodiesOnly;
  }

  /** The gateway's endpoints with a body, each with a valid request for a random served model. */
  public static List<Endpoint> gatewayEndpoints() {
    List<Endpoint> endpoints = new ArrayList<>();
    endpoints.add(
        new Endpoint(
            "/v1/chat/completions",
            json(
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"system\",\"content\":\"be"
                    + " brief\"},{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]},"
                    + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\","
                    + "\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":"
                    + "\"{\\\"a\\\":\\\"x\\\"}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"c1\","
                    + "\"content\":\"r\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":"
                    + "\"f\",\"parameters\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":"
                    + "\"string\"}},\"required\":[\"a\"]}}}],\"tool_choice\":\"auto\","
                    + "\"max_tokens\":50,\"temperature\":0.5,\"top_p\":1,\"stop\":[\"x\"],"
                    + "\"stream_options\":{\"include_usage\":true},\"user\":\"u1\"}")));
    endpoints.add(
        new Endpoint(
            "/v1/responses",
            json(
                "{\"model\":\"gpt-4o-mini\",\"input\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                    + "\"instructions\":\"be brief\",\"max_output_tokens\":50,\"temperature\":0.5,"
                    + "\"store\":true,\"metadata\":{\"k\":\"v\"}}")));
    endpoints.add(
        new Endpoint(
            "/v1/embeddings",
            json(
                "{\"model\":\"text-embedding-3-small\",\"input\":[\"a\",\"b\"],\"dimensions\":8,"
                    + "\"encoding_format\":\"float\"}")));
    endpoints.add(
        new Endpoint(
            "/v1/embeddings",
            json("{\"model\":\"gemini-embedding-001\",\"input\":[\"a\",\"b\"],\"dimensions\":8}")));
    endpoints.add(
        new Endpoint(
            "/v1/conversations",
            json(
                "{\"items\":[{\"type\":\"message\",\"role\":\"user\",\"content\":\"hi\"}],"
                    + "\"metadata\":{\"topic\":\"fuzz\"}}")));
    return endpoints;
  }

  /** The simulator's endpoints: the OpenAI ones the gateway calls, and Anthropic Messages. */
  static List<Endpoint> simulatorEndpoints() {
    List<Endpoint> endpoints = new ArrayList<>(gatewayEndpoints().subList(0, 3));
    endpoints.add(
        new Endpoint(
            "/v1/messages",
            json(
                "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":50,\"system\":\"be brief\","
                    + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\","
                    + "\"text\":\"hi\"}]}],\"temperature\":0.5}")));
    endpoints.add(
        new Endpoint(
            "/v1beta/models/gemini-2.5-flash:generateContent",
            json(
                "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}],"
                    + "\"systemInstruction\":{\"parts\":[{\"text\":\"be brief\"}]},"
                    + "\"generationConfig\":{\"maxOutputTokens\":50,\"temperature\":0.5}}")));
    endpoints.add(
        new Endpoint(
            "/v1/models/gemini-embedding-001:batchEmbedContents",
            json(
                "{\"requests\":[{\"model\":\"models/gemini-embedding-001\",\"content\":"
                    + "{\"parts\":[{\"text\":\"a\"}]},\"outputDimensionality\":8}]}")));
    return endpoints;
  }

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /**
   * What is wrong with a server's answer to a hostile request, or null: it must be a 2xx (the
   * request was in fact valid) or a 4xx with the OpenAI error body {@code
   * {"error":{"message","type","param","code"}}}.
   */
  public static String problem(RawHttp.Answer answer) {
    int status = answer.status();
    if (status >= 200 && status < 300) {
      return null;
    }
    if (status < 400 || status >= 500) {
      return "HTTP " + status + " " + cut(answer.body());
    }
    String type = answer.header("content-type");
    if (type == null || !type.startsWith("application/json")) {
      return "HTTP " + status + " with Content-Type " + type + ": " + cut(answer.body());
    }
    try {
      JsonNode error = JSON.readTree(answer.body()).path("error");
      for (String key : new String[] {"message", "type", "param", "code"}) {
        if (!error.has(key)) {
          return "HTTP " + status + " error body lacks '" + key + "': " + cut(answer.body());
        }
      }
      if (!error.path("message").isTextual() || !error.path("type").isTextual()) {
        return "HTTP " + status + " error body without message or type: " + cut(answer.body());
      }
    } catch (Exception e) {
      return "HTTP " + status + " body is not JSON: " + cut(answer.body());
    }
    return null;
  }

  public List<Hostile> generate(int count) {
    List<Hostile> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      requests.add(next());
    }
    return requests;
  }

  private Hostile next() {
    Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
    ObjectNode body = endpoint.template().deepCopy();
    if (body.has("model") && !endpoint.path().contains("mbed")) {
      body.put("model", pick(models));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    String path = endpoint.path();
    int kind = random.nextInt(14);
    if (bodiesOnly && kind >= 8 && kind != 12) {
      kind = random.nextInt(8);
    }
    switch (kind) {
      case 0 -> {
        if (random.nextBoolean() && !path.equals("/v1/embeddings")) {
          body.put("stream", true);
        }
        return post("valid", path, headers, bytes(body));
      }
      case 1 -> {
        byte[] whole = bytes(body);
        return post("truncated", path, headers, slice(whole, random.nextInt(whole.length)));
      }
      case 2 -> {
        int depth = 1 + random.nextInt(random.nextBoolean() ? 200 : 5000);
        // As text: Jackson itself refuses to write JSON nested deeper than 1000.
        replaceRandomValue(body, JSON.getNodeFactory().textNode(NESTED));
        String text =
            new String(bytes(body), StandardCharsets.UTF_8)
                .replace("\"" + NESTED + "\"", nested(depth));
        return post(
            depth > 1000 ? "nested-deep" : "nested",
            path,
            headers,
            text.getBytes(StandardCharsets.UTF_8));
      }
      case 3 -> {
        replaceRandomValue(body, wrongValue());
        return post("wrong-type", path, headers, bytes(body));
      }
      case 4 -> {
        replaceRandomValue(body, JSON.getNodeFactory().textNode(hugeString()));
        return post("huge-string", path, headers, bytes(body));
      }
      case 5 -> {
        return post("bad-utf8", path, headers, withBadUtf8(bytes(body)));
      }
      case 6 -> {
        headers.put("Content-Type", pick(CONTENT_TYPES));
        byte[] text = bytes(body);
        if (random.nextBoolean()) {
          text = new String(text, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE);
        }
        return post("charset", path, headers, text);
      }
      case 7 -> {
        body.put("model", hostileName());
        return post("model-name", path, headers, bytes(body));
      }
      case 8 -> {
        if (random.nextBoolean()) {
          headers.put("X-Big", "h".repeat(9_000 + random.nextInt(60_000)));
        } else {
          for (int i = 0; i < 200 + random.nextInt(400); i++) {
            headers.put("X-Many-" + i, "v".repeat(random.nextInt(100)));
          }
        }
        return post("big-headers", path, headers, bytes(body));
      }
      case 9 -> {
        return badPath(headers);
      }
      case 10 -> {
        String method = pick(List.of("GET", "PUT", "PATCH", "DELETE", "OPTIONS", "FOO", "TRACE"));
        return request("method", method, path, headers, bytes(body));
      }
      case 11 -> {
        return badFraming(path, bytes(body));
      }
      case 12 -> {
        headers.put(
            pick(List.of("x-sim-chunks", "x-sim-usage", "x-sim-latency-ms", "x-sim-error")),
            pick(List.of("abc", "-1", "99999999999999999999", "input=-5", "input=1,cached=9", "")));
        return post("sim-header", path, headers, bytes(body));
      }
      default -> {
        return hostileIds(headers);
      }
    }
  }

  private static final List<String> CONTENT_TYPES =
      List.of(
          "application/json; charset=bogus",
          "application/json; charset=",
          "application/json; charset=\"utf-8\"",
          "application/json; charset=UTF-16",
          "application/json; charset=ISO-8859-1",
          "application/json; charset=x-user-defined",
          "application/json; charset=utf-8; charset=bogus",
          "application/json; charset=../../etc",
          "text/plain",
          "multipart/form-data; boundary=x",
          "application/x-www-form-urlencoded",
          ";;;;",
          "application/json; charset=" + "u".repeat(5000));

  private Hostile badPath(Map<String, String> headers) {
    String path =
        pick(
            List.of(
                "/v1/chat/completions%00",
                "/%00",
                "/v1/responses/%00/input_items",
                "/v1/responses/a%2F..%2F..%2Fetc/input_items",
                "/v1/../../etc/passwd",
                "/v1/conversations/%zz/items",
                "//v1//models",
                "/v1/chat/completions?x=%",
                "/v1/responses/%E0%80%80/input_items",
                "/v1/chat/completions;jsessionid=x",
                "/v1/responses/" + "r".repeat(20_000) + "/input_items",
                "/v1/models/" + "%0d%0a".repeat(50),
                "/v1/conversations/conv_%0d%0aforged/items",
                "*",
                "http://evil.example/v1/models",
                "/v1/responses/%C0%AF/input_items",
                "/health/../metrics",
                "/v1/chat/completions/",
                "/" + "\u00ff\u00fe"));
    String method = pick(List.of("GET", "POST", "DELETE"));
    byte[] head = RawHttp.head(method, path, Map.of("Content-Type", headers.get("Content-Type")));
    // A raw non-ASCII byte in the request line, as some clients send.
    head = new String(head, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
    return new Hostile("path", method, path, head, new byte[0]);
  }

  private Hostile hostileIds(Map<String, String> headers) {
    String id = URLEncoder.encode(hostileName(), StandardCharsets.UTF_8);
    String path =
        pick(
            List.of(
                "/v1/responses/" + id + "/input_items",
                "/v1/responses/" + id,
                "/v1/conversations/conv_" + id + "/items",
                "/v1/conversations/conv_" + id));
    String method = path.endsWith("items") ? "GET" : "DELETE";
    if (random.nextBoolean()) {
      headers.put("X-Request-ID", id.substring(0, Math.min(id.length(), 4000)));
    }
    if (random.nextBoolean()) {
      headers.put("Authorization", "Bearer " + id.substring(0, Math.min(id.length(), 4000)));
    }
    return request("id", method, path, headers, new byte[0]);
  }

  private Hostile badFraming(String path, byte[] body) {
    int variant = random.nextInt(6);
    String head =
        switch (variant) {
          case 0 ->
              "POST " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: abc";
          case 1 ->
              "POST " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: -5";
          case 2 ->
              "POST "
                  + path
                  + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 3\r\nContent-Length: 7";
          case 3 ->
              "POST "
                  + path
                  + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n"
                  + "Content-Length: 5";
          case 4 -> "POST " + path + " HTTP/9.9\r\nHost: x\r\nConnection: close";
          default ->
              "POST "
                  + path
                  + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Bad\u0000Name: v\r\nX-Ctl: a\u0001b";
        };
    byte[] sent =
        variant == 3 ? "zz\r\nabc\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII) : body;
    return new Hostile(
        "framing-" + variant, "POST", path, head.getBytes(StandardCharsets.ISO_8859_1), sent);
  }

  private Hostile post(String kind, String path, Map<String, String> headers, byte[] body) {
    return request(kind, "POST", path, headers, body);
  }

  private static Hostile request(
      String kind, String method, String path, Map<String, String> headers, byte[] body) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    if (body.length > 0) {
      all.put("Content-Length", Integer.toString(body.length));
    }
    return new Hostile(kind, method, path, RawHttp.head(method, path, all), body);
  }

  /** Replaces a random value anywhere in the tree (a field of an object or an array element). */
  private void replaceRandomValue(ObjectNode root, JsonNode replacement) {
    List<ContainerNode<?>> parents = new ArrayList<>();
    collect(root, parents);
    ContainerNode<?> parent = parents.get(random.nextInt(parents.size()));
    if (parent instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      if (names.isEmpty() || random.nextInt(8) == 0) {
        object.set(pick(List.of("model", "messages", "input", "tools", "n", "x")), replacement);
      } else {
        object.set(pick(names), replacement);
      }
    } else {
      ArrayNode array = (ArrayNode) parent;
      if (array.isEmpty()) {
        array.add(replacement);
      } else {
        array.set(random.nextInt(array.size()), replacement);
      }
    }
  }

  private static void collect(JsonNode node, List<ContainerNode<?>> parents) {
    if (node instanceof ContainerNode<?> container) {
      parents.add(container);
      node.forEach(child -> collect(child, parents));
    }
  }

  private JsonNode wrongValue() {
    var f = JSON.getNodeFactory();
    return switch (random.nextInt(16)) {
      case 0 -> f.numberNode(random.nextInt(2000) - 1000);
      case 1 -> f.numberNode(-1);
      case 2 -> f.numberNode(0);
      case 3 -> f.numberNode(new java.math.BigDecimal("1e400"));
      case 4 -> f.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
      case 5 -> f.numberNode(random.nextDouble() * 10 - 5);
      case 6 -> f.textNode("");
      case 7 -> f.textNode(hostileName());
      case 8 -> f.booleanNode(random.nextBoolean());
      case 9 -> f.nullNode();
      case 10 -> f.arrayNode();
      case 11 -> f.objectNode();
      case 12 -> f.arrayNode().add(1).add("x").addNull();
      case 13 -> f.objectNode().put("role", "tool").put("content", 5);
      case 14 -> f.numberNode(Double.NaN);
      default -> f.textNode("NaN");
    };
  }

  private String hostileName() {
    return switch (random.nextInt(9)) {
      case 0 -> "gpt-4o" + FORGED;
      case 1 -> "gpt-" + "a".repeat(1_000 + random.nextInt(300_000));
      case 2 -> "claude-\u0000\u0007\u001b[31m";
      case 3 -> "gpt-4o/../../v1/models";
      case 4 -> "gemini-2.5-flash:generateContent?alt=sse#";
      case 5 -> "\u202egpt-4o\u202c\ud83d\ude00";
      case 6 -> " ";
      case 7 -> "o" + random.nextInt(10);
      default -> "claude-x\u0085\u2028\u2029forged";
    };
  }

  private String hugeString() {
    String unit = pick(List.of("a", "é", "\ud83d\ude00", "\\", "\"", "\u0000"));
    int length = random.nextInt(8) == 0 ? 1_100_000 : 10_000 + random.nextInt(150_000);
    return unit.repeat(length / unit.length());
  }

  private static final String NESTED = "@@nested@@";

  private static String nested(int depth) {
    StringBuilder open = new StringBuilder();
    StringBuilder close = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      open.append(i % 2 == 0 ? "[" : "{\"a\":");
      close.append(i % 2 == 0 ? "]" : "}");
    }
    return open + "\"deep\"" + close.reverse();
  }

  private byte[] withBadUtf8(byte[] body) {
    byte[][] bad = {
      {(byte) 0xff},
      {(byte) 0xc3, (byte) 0x28},
      {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
      {(byte) 0xc0, (byte) 0xaf},
      {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
      {(byte) 0xe2, (byte) 0x82}
    };
    // Inside the first string value, where a lenient decoder would take it for prompt text.
    int at = indexOf(body, (byte) '"', indexOf(body, (byte) ':', 0)) + 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(body, 0, at);
    out.writeBytes(bad[random.nextInt(bad.length)]);
    out.write(body, at, body.length - at);
    return out.toByteArray();
  }

  private static int indexOf(byte[] data, byte b, int from) {
    for (int i = Math.max(0, from); i < data.length; i++) {
      if (data[i] == b) {
        return i;
      }
    }
    return 0;
  }

  private static byte[] slice(byte[] data, int length) {
    return java.util.Arrays.copyOf(data, length);
  }

  private static String cut(String text) {
    return text.length() > 400 ? text.substring(0, 400) + "..." : text;
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
