package dev.llmobs.gateway.web;

import dev.llmobs.gateway.providers.UpstreamErrors;
import dev.llmobs.gateway.store.StoreException;
import dev.llmobs.gateway.wire.JsonBodies;
import dev.llmobs.gateway.wire.OpenAiError;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception a request ends with into an OpenAI-style error answer: the gateway's own
 * {@link OpenAiError}s as they are, Javalin's (404, 413, ...) and upstream failures mapped, and
 * anything else a 5xx that is logged.
 */
public final class ErrorResponses {

  private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

  private final int maxRequestBytes;

  public ErrorResponses(int maxRequestBytes) {
    this.maxRequestBytes = maxRequestBytes;
  }

  public void install(Javalin app) {
    app.exception(OpenAiError.class, (e, ctx) -> answer(ctx, e))
        .exception(HttpResponseException.class, (e, ctx) -> answer(ctx, forStatus(e.getStatus())))
        .exception(Exception.class, (e, ctx) -> answer(ctx, fromException(e)));
  }

  static void answer(Context ctx, OpenAiError error) {
    if (error.retryAfterSeconds() != null) {
      ctx.header("Retry-After", Long.toString(error.retryAfterSeconds()));
    }
    ctx.status(error.status())
        .contentType("application/json")
        .result(JsonBodies.write(error.body()));
  }

  /** Jetty's error handler for what fails before a route runs, to register on the server. */
  public JsonErrorHandler jettyErrorHandler() {
    return new JsonErrorHandler(this);
  }

  /** The error answer for an HTTP status that the server or Javalin decided on. */
  OpenAiError forStatus(int status) {
    return switch (status) {
      case 413 ->
          new OpenAiError(
              413,
              "Request body is larger than " + maxRequestBytes + " bytes.",
              "invalid_request_error",
              null,
              "request_too_large");
      case 404 ->
          new OpenAiError(404, "Unknown path.", "invalid_request_error", null, "unknown_url");
      case 405 ->
          new OpenAiError(
              405, "Method not allowed.", "invalid_request_error", null, "method_not_allowed");
      case 414 ->
          new OpenAiError(
              414, "Request URI is too long.", "invalid_request_error", null, "uri_too_long");
      case 431 ->
          new OpenAiError(
              431,
              "Request headers are too large.",
              "invalid_request_error",
              null,
              "request_header_fields_too_large");
      default ->
          status < 500
              ? new OpenAiError(
                  status, "The request is malformed.", "invalid_request_error", null, null)
              : new OpenAiError(status, "The gateway failed.", "server_error", null, null);
    };
  }

  private static OpenAiError fromException(Exception e) {
    OpenAiError upstream = UpstreamErrors.map(e).orElse(null);
    if (upstream != null) {
      log.warn("upstream call failed: {} ({})", upstream.getMessage(), e.getClass().getName());
      return upstream;
    }
    if (e instanceof StoreException) {
      log.error("conversation store failed", e);
      return new OpenAiError(
          503, "The conversation store is unavailable.", "server_error", null, "store_unavailable");
    }
    log.error("unexpected error", e);
    return new OpenAiError(
        500, "The gateway failed to handle the request.", "server_error", null, null);
  }
}
