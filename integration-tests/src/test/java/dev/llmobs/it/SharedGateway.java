package dev.llmobs.it;

import dev.llmobs.it.harness.AgentGateway;

/**
 * One gateway JVM with the llmobs agent, shared by the test classes that only send requests and
 * read what the agent exports (each finds its own spans by response or request id): started by the
 * first that asks, stopped when the test JVM exits. Metrics over OTLP, no log export.
 */
final class SharedGateway {

  private static AgentGateway instance;

  private SharedGateway() {}

  static synchronized AgentGateway get() throws Exception {
    if (instance == null) {
      AgentGateway started =
          AgentGateway.start(
              "shared",
              gateway ->
                  gateway
                      .systemProperty("otel.logs.exporter", "none")
                      .systemProperty("gateway.upstream.max-retries", "0")
                      // Ties each server span to its HTTP exchange (the gateway returns
                      // X-Request-ID).
                      .systemProperty(
                          "otel.instrumentation.http.server.capture-response-headers",
                          "X-Request-ID"));
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-gateway-stop"));
      instance = started;
    }
    return instance;
  }
}
