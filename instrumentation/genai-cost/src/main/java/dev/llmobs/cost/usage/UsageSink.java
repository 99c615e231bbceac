package dev.llmobs.cost.usage;

/**
 * Receives one {@link UsageEvent} per GenAI call, on llmobs' usage-event thread (never on the
 * application's). Implementations are found with {@link java.util.ServiceLoader} in the class
 * loader of the llmobs extension ({@code META-INF/services/dev.llmobs.cost.usage.UsageSink}), need
 * a public no-argument constructor, and run beside the built-in sinks (OpenTelemetry log records,
 * JSON-lines file). A sink that throws is logged once and keeps receiving events; it never affects
 * the application or the other sinks.
 */
public interface UsageSink {

  /** Handles one event. Called by one thread at a time. */
  void accept(UsageEvent event) throws Exception;

  /** Called after each batch of events; make them durable or visible here. */
  default void flush() throws Exception {}

  /** Called once when the agent shuts down, after the last event. */
  default void close() throws Exception {}
}
