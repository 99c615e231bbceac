package dev.llmobs.instrumentation.langchain4j.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.instrumentation.testing.junit.AgentInstrumentationExtension;
import io.opentelemetry.instrumentation.testing.junit.InstrumentationExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every scenario has: the agent's test exporters, a fresh local fake server per test, and the
 * check that the API key reached no span (attribute or event).
 */
public abstract class GenAiAgentTest {

  public static final String API_KEY = "sk-test-secret-do-not-leak";

  @RegisterExtension
  protected static final InstrumentationExtension testing = AgentInstrumentationExtension.create();

  protected MockWebServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stopServerAndCheckNoKeyLeaked() throws Exception {
    server.shutdown();
    for (SpanData span : testing.spans()) {
      assertThat(span.getAttributes().toString()).doesNotContain(API_KEY);
      span.getEvents()
          .forEach(event -> assertThat(event.getAttributes().toString()).doesNotContain(API_KEY));
    }
  }
}
