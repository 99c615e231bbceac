package dev.llmobs.gateway.providers;

import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.google.genai.errors.ApiException;
import com.google.genai.errors.GenAiIOException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import dev.llmobs.gateway.wire.OpenAiError;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Maps a failed upstream call to what the client sees: 429 stays 429 (with the upstream's
 * Retry-After), a rejected request stays 400, a timeout is 504, anything else is 502. The
 * upstream's own error text is not passed on: it may quote the prompt.
 */
public final class UpstreamErrors {

  private UpstreamErrors() {}

  /** The client-facing error for an SDK exception, or empty when it is not an upstream failure. */
  public static Optional<OpenAiError> map(Throwable e) {
    if (e instanceof OpenAIServiceException openAi) {
      return Optional.of(
          fromStatus("openai", openAi.statusCode(), openAi.headers().values("retry-after")));
    }
    if (e instanceof AnthropicServiceException anthropic) {
      return Optional.of(
          fromStatus(
              "anthropic", anthropic.statusCode(), anthropic.headers().values("retry-after")));
    }
    if (e instanceof ApiException gemini) {
      return Optional.of(fromStatus("gemini", gemini.code(), List.of()));
    }
    if (e instanceof OpenAIIoException
        || e instanceof AnthropicIoException
        || e instanceof GenAiIOException) {
      String provider =
          e instanceof OpenAIIoException
              ? "openai"
              : e instanceof AnthropicIoException ? "anthropic" : "gemini";
      if (isTimeout(e)) {
        return Optional.of(
            new OpenAiError(
                504,
                "The upstream provider (" + provider + ") timed out.",
                "upstream_timeout",
                null,
                "timeout"));
      }
      return Optional.of(
          new OpenAiError(
              502,
              "The upstream provider (" + provider + ") could not be reached.",
              "upstream_error",
              null,
              "upstream_unreachable"));
    }
    return Optional.empty();
  }

  private static OpenAiError fromStatus(String provider, int status, List<String> retryAfter) {
    if (status == 429) {
      return new OpenAiError(
          429,
          "The upstream provider (" + provider + ") is rate limiting requests; retry later.",
          "rate_limit_error",
          null,
          "rate_limit_exceeded",
          retryAfterSeconds(retryAfter));
    }
    if (status == 400 || status == 404 || status == 413 || status == 422) {
      return new OpenAiError(
          400,
          "The upstream provider (" + provider + ") rejected the request with HTTP " + status + ".",
          "invalid_request_error",
          null,
          "upstream_rejected");
    }
    if (status == 408 || status == 504) {
      return new OpenAiError(
          504,
          "The upstream provider (" + provider + ") timed out (HTTP " + status + ").",
          "upstream_timeout",
          null,
          "timeout");
    }
    return new OpenAiError(
        502,
        "The upstream provider (" + provider + ") failed with HTTP " + status + ".",
        "upstream_error",
        null,
        "upstream_error");
  }

  private static Long retryAfterSeconds(List<String> values) {
    for (String value : values) {
      try {
        return Math.max(1, (long) Math.ceil(Double.parseDouble(value.trim())));
      } catch (NumberFormatException ignored) {
        // an HTTP date: fall back to the default below
      }
    }
    return 1L;
  }

  private static boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedIOException) {
        return true;
      }
    }
    return false;
  }
}
