package dev.llmobs.testing;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.instrumenter.SpanKindExtractor;

/**
 * A server-like request for the agent tests: a SERVER span started by an instrumentation-api {@link
 * Instrumenter}, as upstream's HTTP server instrumentations start theirs, so that it is the local
 * root span of the work done in it (the test agent has no HTTP server instrumentation).
 */
public final class ServerRequests {

  private static final Instrumenter<String, Void> SERVER =
      Instrumenter.<String, Void>builder(GlobalOpenTelemetry.get(), "test-http-server", n -> n)
          .buildInstrumenter(SpanKindExtractor.alwaysServer());

  /** The work of one request. */
  public interface Work {
    void run() throws Exception;
  }

  /** Runs {@code work} inside a SERVER span named {@code name}, the local root of the work. */
  public static void inRequest(String name, Work work) throws Exception {
    Context context = SERVER.start(Context.root(), name);
    try (Scope ignored = context.makeCurrent()) {
      work.run();
    } finally {
      SERVER.end(context, name, null, null);
    }
  }

  private ServerRequests() {}
}
