package dev.llmobs.instrumentation.springai;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import java.io.IOException;

/**
 * A CLIENT span per HTTP request, started from the context current where the model's HTTP client
 * sends it, as the agent's HTTP client instrumentation does (the test agent has none): it shows
 * where an HTTP span lands under ours.
 */
final class HttpSpans {

  static final String PREFIX = "HTTP ";

  interface Exchange<T> {
    T run() throws IOException;
  }

  static <T> T around(String method, Exchange<T> exchange) throws IOException {
    Span span =
        GlobalOpenTelemetry.getTracer("test-http-client")
            .spanBuilder(PREFIX + method)
            .setSpanKind(SpanKind.CLIENT)
            .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      return exchange.run();
    } finally {
      span.end();
    }
  }

  private HttpSpans() {}
}
