package dev.llmobs.instrumentation.springai;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.instrumentation.testing.junit.AgentInstrumentationExtension;
import io.opentelemetry.instrumentation.testing.junit.InstrumentationExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every Spring AI agent test has: the agent's test exporters, a fresh local fake server per
 * test that this line's real models talk to over real HTTP, and the check that the API key reached
 * no span. Scenarios call only Spring AI's portable API; {@link SpringAiLine} builds the models.
 */
abstract class SpringAiAgentTest {

  @RegisterExtension
  static final InstrumentationExtension testing = AgentInstrumentationExtension.create();

  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");

  MockWebServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  ModelSetup setup() {
    return new ModelSetup(server.url("/").toString(), FakeLlm.API_KEY);
  }

  @AfterEach
  void stopAndCheckNoKeyLeaked() throws Exception {
    server.shutdown();
    for (SpanData span : testing.spans()) {
      assertThat(span.getAttributes().toString()).doesNotContain(FakeLlm.API_KEY);
      span.getEvents()
          .forEach(e -> assertThat(e.getAttributes().toString()).doesNotContain(FakeLlm.API_KEY));
    }
  }

  /** The GenAI spans among {@code spans}. */
  static List<SpanData> genAiSpans(List<SpanData> spans) {
    return spans.stream()
        .filter(s -> s.getAttributes().get(OPERATION) != null)
        .collect(Collectors.toList());
  }
}
