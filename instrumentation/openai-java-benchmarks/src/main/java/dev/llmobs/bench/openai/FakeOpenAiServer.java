package dev.llmobs.bench.openai;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A loopback OpenAI chat-completions endpoint with fixed answers: one completion, or the same as an
 * SSE stream when the request asks for one. MockWebServer parses HTTP itself, so no agent
 * instruments the server side and every variant pays for the same server work.
 */
final class FakeOpenAiServer implements AutoCloseable {

  static final String MODEL = "gpt-4o-mini";

  private static final String ID = "chatcmpl-bench";
  private static final String RESPONSE_MODEL = "gpt-4o-mini-2024-07-18";

  static final String COMPLETION =
      "{\"id\":\""
          + ID
          + "\",\"object\":\"chat.completion\",\"created\":1700000000,"
          + "\"model\":\""
          + RESPONSE_MODEL
          + "\",\"choices\":[{\"index\":0,\"message\":"
          + "{\"role\":\"assistant\",\"content\":\"Hello there, how can I help?\"},"
          + "\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":21,\"completion_tokens\":7,\"total_tokens\":28,"
          + "\"prompt_tokens_details\":{\"cached_tokens\":5},"
          + "\"completion_tokens_details\":{\"reasoning_tokens\":0}}}";

  static final String STREAM =
      sse(
          chunk("{\"role\":\"assistant\",\"content\":\"\"}", null),
          chunk("{\"content\":\"Hello there,\"}", null),
          chunk("{\"content\":\" how can I help?\"}", null),
          chunk("{}", "\"stop\""),
          "{\"id\":\""
              + ID
              + "\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
              + "\"model\":\""
              + RESPONSE_MODEL
              + "\",\"choices\":[],"
              + "\"usage\":{\"prompt_tokens\":21,\"completion_tokens\":7,\"total_tokens\":28}}");

  private final MockWebServer server = new MockWebServer();

  FakeOpenAiServer() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (!"/v1/chat/completions".equals(request.getPath())) {
              return new MockResponse().setResponseCode(404);
            }
            boolean stream = request.getBody().readUtf8().contains("\"stream\":true");
            // MockWebServer keeps every request for takeRequest(): drop them, or the heap grows
            // by one request per benchmark operation.
            try {
              server.takeRequest(0, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return new MockResponse()
                .setHeader("Content-Type", stream ? "text/event-stream" : "application/json")
                .setBody(stream ? STREAM : COMPLETION);
          }
        });
    // MockWebServer writes the headers and the body of a response separately: without
    // TCP_NODELAY, Nagle holds the body until the client's delayed ACK (40 ms on Linux).
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getPort() + "/v1";
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }

  private static String chunk(String delta, String finishReason) {
    return "{\"id\":\""
        + ID
        + "\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
        + "\"model\":\""
        + RESPONSE_MODEL
        + "\",\"choices\":[{\"index\":0,\"delta\":"
        + delta
        + ",\"finish_reason\":"
        + finishReason
        + "}]}";
  }

  private static String sse(String... events) {
    StringBuilder body = new StringBuilder();
    for (String event : events) {
      body.append("data: ").append(event).append("\n\n");
    }
    return body.append("data: [DONE]\n\n").toString();
  }

  /** Server sockets whose accepted connections send each write at once. */
  private static final class NoDelayServerSocketFactory extends ServerSocketFactory {

    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public Socket accept() throws IOException {
          Socket socket = super.accept();
          socket.setTcpNoDelay(true);
          return socket;
        }
      };
    }

    @Override
    public ServerSocket createServerSocket(int port) {
      throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) {
      throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
      throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
    }
  }
}
