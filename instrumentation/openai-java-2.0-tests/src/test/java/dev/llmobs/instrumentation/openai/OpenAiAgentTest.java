package dev.llmobs.instrumentation.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import io.opentelemetry.instrumentation.testing.junit.AgentInstrumentationExtension;
import io.opentelemetry.instrumentation.testing.junit.InstrumentationExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every openai-java agent test has: the agent's test exporters, a real client over real HTTP
 * to a fresh local fake server per test, and the check that the API key reached no span.
 */
abstract class OpenAiAgentTest {

  @RegisterExtension
  static final InstrumentationExtension testing = AgentInstrumentationExtension.create();

  MockWebServer server;
  OpenAIClient client;

  @BeforeEach
  void startServerAndClient() throws Exception {
    server = new MockWebServer();
    server.start();
    client = client(Duration.ofSeconds(10));
  }

  /** A client of the fake server with the given request timeout and no retries. */
  OpenAIClient client(Duration timeout) {
    return OpenAIOkHttpClient.builder()
        .baseUrl(server.url("/v1").toString())
        .apiKey(FakeOpenAi.API_KEY)
        .maxRetries(0)
        .timeout(timeout)
        .build();
  }

  @AfterEach
  void stopAndCheckNoKeyLeaked() throws Exception {
    client.close();
    server.shutdown();
    for (SpanData span : testing.spans()) {
      assertThat(span.getAttributes().toString()).doesNotContain(FakeOpenAi.API_KEY);
    }
  }
}
