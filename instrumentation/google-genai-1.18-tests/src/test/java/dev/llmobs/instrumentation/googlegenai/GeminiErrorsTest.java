package dev.llmobs.instrumentation.googlegenai;

import static dev.llmobs.testing.GenAiKeys.*;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Failed calls: error.type from the status (429 is rate_limited) or the timeout, one span each. */
class GeminiErrorsTest extends GeminiAgentTest {

  static final String MODEL = "gemini-2.0-flash";

  void assertOneErrorSpan(String errorType) {
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat " + MODEL)
                        .hasStatus(StatusData.error())
                        .hasAttributesSatisfying(equalTo(ERROR_TYPE, errorType))
                        .hasEventsSatisfying(
                            events -> {
                              assertThat(events)
                                  .extracting(EventData::getName)
                                  .contains("exception");
                              // Content capture is off: no provider message text.
                              assertThat(events.toString()).doesNotContain("upstream says no");
                            })));
  }

  @Test
  void serverErrorIsItsStatusCode() {
    server.enqueue(FakeGemini.error(500, "INTERNAL"));

    assertThatThrownBy(() -> client.models.generateContent(MODEL, "Hi", null))
        .isInstanceOf(ApiException.class);

    assertOneErrorSpan("500");
  }

  @Test
  void rateLimitIsRateLimited() {
    server.enqueue(FakeGemini.error(429, "RESOURCE_EXHAUSTED"));

    assertThatThrownBy(() -> client.models.generateContent(MODEL, "Hi", null))
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(429));

    assertOneErrorSpan("rate_limited");
  }

  @Test
  void asyncRateLimitIsRateLimited() {
    server.enqueue(FakeGemini.error(429, "RESOURCE_EXHAUSTED"));

    assertThatThrownBy(() -> client.async.models.generateContent(MODEL, "Hi", null).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(ApiException.class);

    assertOneErrorSpan("rate_limited");
  }

  @Test
  void streamRejectedUpFrontFailsTheSpan() {
    server.enqueue(FakeGemini.error(503, "UNAVAILABLE"));

    assertThatThrownBy(() -> client.models.generateContentStream(MODEL, "Hi", null))
        .isInstanceOf(ApiException.class);

    assertOneErrorSpan("503");
  }

  @Test
  void timeoutIsTimeout() throws Exception {
    // A listening socket whose accept queue is full: connecting hangs until the client's timeout
    // (the oldest SDK versions apply their timeout to the connection only).
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> queued = new ArrayList<>();
      try {
        for (int i = 0; i < 8; i++) {
          Socket socket = new Socket();
          queued.add(socket);
          try {
            socket.connect(full.getLocalSocketAddress(), 200);
          } catch (SocketTimeoutException queueIsFull) {
            break;
          }
        }
        String url = "http://127.0.0.1:" + full.getLocalPort() + "/";
        try (Client impatient = GeminiClients.gemini(url, 500)) {
          assertThatThrownBy(() -> impatient.models.generateContent(MODEL, "Hi", null))
              .isInstanceOf(RuntimeException.class);
        }
      } finally {
        for (Socket socket : queued) {
          socket.close();
        }
      }
    }

    assertOneErrorSpan("timeout");
  }
}
