package dev.llmobs.genai;

import java.io.InterruptedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

/**
 * Turns a failed call into a low-cardinality {@code error.type}: the HTTP status code when the
 * provider answered with one ({@code rate_limited} for 429), {@code timeout} and {@code cancelled}
 * when anything in the cause chain says so, else the exception's class name.
 */
public final class GenAiErrors {

  public static String fromHttpStatus(int statusCode) {
    return statusCode == 429 ? GenAiSemconv.ERROR_RATE_LIMITED : Integer.toString(statusCode);
  }

  /**
   * @param statusCode the HTTP status the provider SDK attached to {@code error}, or null
   */
  public static String classify(Throwable error, Integer statusCode) {
    if (statusCode != null && statusCode > 0) {
      return fromHttpStatus(statusCode);
    }
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      // SocketTimeoutException is an InterruptedIOException too.
      if (t instanceof InterruptedIOException || t instanceof TimeoutException) {
        return GenAiSemconv.ERROR_TIMEOUT;
      }
      if (t instanceof CancellationException) {
        return GenAiSemconv.ERROR_CANCELLED;
      }
    }
    return error == null ? "_OTHER" : error.getClass().getName();
  }

  private GenAiErrors() {}
}
