package dev.llmobs.instrumentation.springai.v1_1;

import dev.llmobs.genai.GenAiErrors;
import dev.llmobs.genai.GenAiResponse;
import dev.llmobs.genai.GenAiSemconv;

/**
 * The {@code error.type} of a failed Spring AI call. Spring AI's default HTTP error handler (its
 * {@code RetryUtils}) turns an error response into a {@code TransientAiException} (5xx) or {@code
 * NonTransientAiException} (4xx) whose only trace of the status is the message it writes, {@code
 * "<status> - <body>"}: the status is read from there. Every other failure (the SDK exceptions of
 * the 2.0 models, Spring's own {@code RestClientResponseException}, timeouts) is classified by the
 * core.
 */
final class SpringAiErrors {

  private static final String RETRY_PACKAGE = "org.springframework.ai.retry.";

  /** A response carrying the error type, or null when the core's classification applies. */
  static GenAiResponse response(Throwable error) {
    Integer status = statusFromMessage(error);
    if (status == null) {
      return null;
    }
    String type = status == 429 ? GenAiSemconv.ERROR_RATE_LIMITED : Integer.toString(status);
    return new GenAiResponse().errorType(type);
  }

  static Integer statusFromMessage(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (!t.getClass().getName().startsWith(RETRY_PACKAGE)) {
        continue;
      }
      // When the exception says it itself, the core's reading wins.
      if (!GenAiErrors.classify(t).equals(t.getClass().getName())) {
        return null;
      }
      String message = t.getMessage();
      if (message != null
          && message.length() >= 6
          && message.startsWith(" - ", 3)
          && Character.isDigit(message.charAt(0))
          && Character.isDigit(message.charAt(1))
          && Character.isDigit(message.charAt(2))) {
        int status = Integer.parseInt(message.substring(0, 3));
        if (status >= 400 && status <= 599) {
          return status;
        }
      }
    }
    return null;
  }

  private SpringAiErrors() {}
}
