package dev.llmobs.instrumentation.googlegenai;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.genai.Client;
import io.opentelemetry.instrumentation.testing.junit.AgentInstrumentationExtension;
import io.opentelemetry.instrumentation.testing.junit.InstrumentationExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every google-genai agent test has: the agent's test exporters, a real client over real HTTP
 * to a fresh local fake server per test, and the check that the API key, which the SDK does send,
 * reached no span.
 */
// A stuck call fails its test instead of hanging the build (CompletableFuture.join ignores
// interrupts, hence a thread of its own).
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class GeminiAgentTest {

  @RegisterExtension
  static final InstrumentationExtension testing = AgentInstrumentationExtension.create();

  MockWebServer server;
  Client client;

  @BeforeEach
  void startServerAndClient() throws Exception {
    server = new MockWebServer();
    server.start();
    client = GeminiClients.gemini(baseUrl(), null);
  }

  String baseUrl() {
    return server.url("/").toString();
  }

  /** The next request the fake server received, checked to carry the API key. */
  RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeader("x-goog-api-key")).isEqualTo(FakeGemini.API_KEY);
    return request;
  }

  @AfterEach
  void stopAndCheckNoKeyLeaked() throws Exception {
    client.close();
    server.shutdown();
    for (SpanData span : testing.spans()) {
      assertThat(span.getAttributes().toString()).doesNotContain(FakeGemini.API_KEY);
      assertThat(span.getEvents().toString()).doesNotContain(FakeGemini.API_KEY);
    }
  }
}
