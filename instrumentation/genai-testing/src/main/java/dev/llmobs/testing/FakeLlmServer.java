package dev.llmobs.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The one fake provider the agent tests talk to over real HTTP: it answers each request with the
 * next recorded body queued, as the provider sent it (resources {@code
 * dev/llmobs/testing/recordings/<provider>/}: {@code .json} bodies, {@code .sse} event streams).
 */
public final class FakeLlmServer implements AutoCloseable {

  private final String provider;
  private final MockWebServer server = new MockWebServer();

  /** Starts a server answering with the recordings of {@code provider} ({@code openai}, ...). */
  public FakeLlmServer(String provider) {
    this.provider = provider;
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of a recording, for a test that must build a request or check a body. */
  public static String recording(String provider, String name) {
    String path = "recordings/" + provider + "/" + name;
    try (InputStream in = FakeLlmServer.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no recording " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers the next request with the recording {@code name}, status 200. */
  public FakeLlmServer reply(String name) {
    server.enqueue(response(200, name));
    return this;
  }

  /** Answers the next request with {@code error-<status>.json} and that status. */
  public FakeLlmServer fail(int status) {
    server.enqueue(response(status, "error-" + status + ".json"));
    return this;
  }

  /** Answers the next request with {@code name} after {@code millis}: for timeouts and cancels. */
  public FakeLlmServer replyAfter(String name, long millis) {
    server.enqueue(response(200, name).setHeadersDelay(millis, TimeUnit.MILLISECONDS));
    return this;
  }

  /** Answers the next request with a body a test built, for one-off shapes. */
  public FakeLlmServer replyJson(String body) {
    server.enqueue(json(200, body));
    return this;
  }

  /** Answers the next request with these SSE {@code data:} events, then {@code [DONE]}. */
  public FakeLlmServer replyEvents(String... events) {
    StringBuilder body = new StringBuilder();
    for (String event : events) {
      body.append("data: ").append(event).append("\n\n");
    }
    body.append("data: [DONE]\n\n");
    server.enqueue(sse(body.toString()));
    return this;
  }

  /** The next request the server received, as it came. */
  public RecordedRequest takeRequest() throws InterruptedException {
    return server.takeRequest();
  }

  /** The URL of {@code path} on this server. */
  public String url(String path) {
    return server.url(path).toString();
  }

  public String host() {
    return server.getHostName();
  }

  public int port() {
    return server.getPort();
  }

  private MockResponse response(int status, String name) {
    String body = recording(provider, name);
    return (name.endsWith(".sse") ? sse(body) : json(status, body)).setResponseCode(status);
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  private static MockResponse sse(String body) {
    return new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(body);
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
