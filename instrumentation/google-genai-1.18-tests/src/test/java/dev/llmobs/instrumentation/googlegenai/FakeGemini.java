package dev.llmobs.instrumentation.googlegenai;

import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;

/**
 * The Gemini and Vertex AI wire formats as the google-genai SDK reads them: generateContent JSON,
 * streamGenerateContent server-sent events, batchEmbedContents (Gemini) and predict (Vertex AI)
 * embeddings, and Google API errors.
 */
final class FakeGemini {

  static final String API_KEY = "AIza-test-secret-do-not-leak";

  static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  static MockResponse slow(String body, long millis) {
    return json(body).setHeadersDelay(millis, TimeUnit.MILLISECONDS);
  }

  /** A server-sent event stream of {@code chunks}, as {@code alt=sse} answers. */
  static MockResponse sse(String... chunks) {
    StringBuilder body = new StringBuilder();
    for (String chunk : chunks) {
      body.append("data: ").append(chunk).append("\r\n\r\n");
    }
    return new MockResponse()
        .setHeader("Content-Type", "text/event-stream")
        .setBody(body.toString());
  }

  static MockResponse error(int status, String googleStatus) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(
            "{\"error\":{\"code\":"
                + status
                + ",\"message\":\"upstream says no\",\"status\":\""
                + googleStatus
                + "\"}}");
  }

  /** Token counts of a usageMetadata object; a null count is left out. */
  static String usage(Integer prompt, Integer cached, Integer candidates, Integer thoughts) {
    StringBuilder usage = new StringBuilder("{");
    int total = 0;
    total += field(usage, "promptTokenCount", prompt);
    field(usage, "cachedContentTokenCount", cached);
    total += field(usage, "candidatesTokenCount", candidates);
    total += field(usage, "thoughtsTokenCount", thoughts);
    return usage.append("\"totalTokenCount\":").append(total).append('}').toString();
  }

  private static int field(StringBuilder json, String name, Integer value) {
    if (value == null) {
      return 0;
    }
    json.append('"').append(name).append("\":").append(value).append(',');
    return value;
  }

  /** A candidate with one text part; {@code finishReason} null for a chunk before the last. */
  static String candidate(String text, String finishReason) {
    return "{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\""
        + text
        + "\"}]}"
        + (finishReason == null ? "" : ",\"finishReason\":\"" + finishReason + "\"")
        + ",\"index\":0}";
  }

  /** A GenerateContentResponse (also one chunk of a stream). */
  static String response(String id, String modelVersion, String candidate, String usage) {
    return "{"
        + (candidate == null ? "" : "\"candidates\":[" + candidate + "],")
        + (usage == null ? "" : "\"usageMetadata\":" + usage + ",")
        + "\"modelVersion\":\""
        + modelVersion
        + "\",\"responseId\":\""
        + id
        + "\"}";
  }

  /** A one-candidate answer "Hello there" with 21 prompt (5 cached), 7 + 2 thought tokens. */
  static String hello(String id, String modelVersion) {
    return response(id, modelVersion, candidate("Hello there", "STOP"), usage(21, 5, 7, 2));
  }

  /** A batchEmbedContents answer: Gemini reports no token counts for embeddings. */
  static String geminiEmbeddings(int count) {
    StringBuilder body = new StringBuilder("{\"embeddings\":[");
    for (int i = 0; i < count; i++) {
      body.append(i == 0 ? "" : ",").append("{\"values\":[0.1,0.2,0.3]}");
    }
    return body.append("]}").toString();
  }

  /** A Vertex AI predict answer with the token count of each embedded input. */
  static String vertexEmbeddings(int... tokens) {
    StringBuilder body = new StringBuilder("{\"predictions\":[");
    for (int i = 0; i < tokens.length; i++) {
      body.append(i == 0 ? "" : ",")
          .append("{\"embeddings\":{\"values\":[0.1,0.2,0.3],\"statistics\":{\"token_count\":")
          .append(tokens[i])
          .append(",\"truncated\":false}}}");
    }
    return body.append("],\"metadata\":{\"billableCharacterCount\":42}}").toString();
  }

  private FakeGemini() {}
}
