package dev.llmobs.gateway.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** An error the gateway answers with: HTTP status plus an OpenAI-style error body. */
public final class OpenAiError extends RuntimeException {

  private final int status;
  private final String type;
  private final String param;
  private final String code;

  public OpenAiError(int status, String message, String type, String param, String code) {
    super(message);
    this.status = status;
    this.type = type;
    this.param = param;
    this.code = code;
  }

  public static OpenAiError invalidRequest(String message, String param) {
    return new OpenAiError(400, message, "invalid_request_error", param, null);
  }

  public int status() {
    return status;
  }

  /** {@code {"error":{"message","type","param","code"}}} */
  public Map<String, Object> body() {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", getMessage());
    error.put("type", type);
    error.put("param", param);
    error.put("code", code);
    return Map.of("error", error);
  }
}
