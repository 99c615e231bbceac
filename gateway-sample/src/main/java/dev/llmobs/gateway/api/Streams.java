package dev.llmobs.gateway.api;

import dev.llmobs.gateway.providers.UpstreamErrors;
import dev.llmobs.gateway.wire.OpenAiError;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Relaying an upstream stream once the SSE response has started. */
final class Streams {

  private static final Logger log = LoggerFactory.getLogger(Streams.class);

  interface Relay {
    void run() throws IOException;
  }

  private Streams() {}

  /**
   * Runs the relay. A client that goes away ends it quietly (the caller's try-with-resources then
   * closes the upstream stream); an upstream failure mid-stream becomes an {@code error} event,
   * since the 200 status is already sent.
   */
  static void relay(SseWriter sse, Relay relay) {
    try {
      relay.run();
    } catch (IOException clientGone) {
      log.info("client disconnected during the stream; closing the upstream stream");
    } catch (RuntimeException e) {
      OpenAiError error =
          UpstreamErrors.map(e)
              .orElseGet(
                  () ->
                      new OpenAiError(
                          502,
                          "The upstream stream failed.",
                          "upstream_error",
                          null,
                          "upstream_error"));
      log.warn(
          "upstream stream failed after it started: {} ({})",
          error.getMessage(),
          e.getClass().getName());
      try {
        sse.error(error);
      } catch (IOException ignored) {
        // the client is gone too
      }
    }
  }
}
