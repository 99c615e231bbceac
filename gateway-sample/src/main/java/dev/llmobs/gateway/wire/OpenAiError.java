package dev.llmobs.gateway.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An error the gateway answers with: HTTP status plus an OpenAI-style error body. */
public final class OpenAiError extends RuntimeException {

  private static final int ECHO_LIMIT = 64;

  private final int status;
  private final String type;
  private final String param;
  private final String code;
  private final Long retryAfterSeconds;

  public OpenAiError(int status, String message, String type, String param, String code) {
    this(status, message, type, param, code, null);
  }

  public OpenAiError(
      int status, String message, String type, String param, String code, Long retryAfterSeconds) {
    super(message);
    this.status = status;
    this.type = type;
    this.param = param;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static OpenAiError invalidRequest(String message, String param) {
    return invalidRequest(message, param, null);
  }

  public static OpenAiError invalidRequest(String message, String param, String code) {
    return new OpenAiError(400, message, "invalid_request_error", param, code);
  }

  /**
   * A client-sent value as an error message may echo it: quoted, at most {@value #ECHO_LIMIT}
   * characters (marked when cut), control characters escaped.
   */
  public static String quote(String value) {
    StringBuilder quoted = new StringBuilder("'");
    int end = Math.min(value.length(), ECHO_LIMIT);
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\'') {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    if (value.length() > end) {
      quoted.append("...(").append(value.length()).append(" characters)");
    }
    return quoted.append('\'').toString();
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String code() {
    return code;
  }

  /** For 429 answers: the {@code Retry-After} header in seconds, or null. */
  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** {@code {"error":{"message","type","param","code"}}}, nulls included as OpenAI sends them. */
  public ObjectNode body() {
    ObjectNode body = JsonBodies.JSON.createObjectNode();
    body.putObject("error")
        .put("message", getMessage())
        .put("type", type)
        .put("param", param)
        .put("code", code);
    return body;
  }
}
