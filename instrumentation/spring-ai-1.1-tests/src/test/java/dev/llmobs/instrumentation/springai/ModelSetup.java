package dev.llmobs.instrumentation.springai;

import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;

/** What a scenario asks of a line's model: where it sends, and how it is set up. */
final class ModelSetup {

  static final String OPENAI_MODEL = "gpt-4o-mini";
  static final String EMBEDDING_MODEL = "text-embedding-3-small";
  static final String ANTHROPIC_MODEL = "claude-sonnet-4-20250514";

  /** The fake server's root URL, without a trailing slash. */
  final String root;

  final String apiKey;
  Duration timeout = Duration.ofSeconds(10);
  ObservationRegistry registry = ObservationRegistry.NOOP;

  /** Whether the model's HTTP client records a span per request (as HTTP instrumentation does). */
  boolean httpSpans;

  ModelSetup(String root, String apiKey) {
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    this.apiKey = apiKey;
  }

  ModelSetup timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  ModelSetup registry(ObservationRegistry registry) {
    this.registry = registry;
    return this;
  }

  ModelSetup httpSpans() {
    this.httpSpans = true;
    return this;
  }
}
