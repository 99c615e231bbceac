package dev.llmobs.it.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A recording reverse proxy in front of an upstream (the gateway's simulator): the gateway's base
 * URL points here, every request's headers are kept for the test to look at (what really went on
 * the wire to the "provider": {@code traceparent}, {@code Authorization}, ...), and the request is
 * passed on unchanged, the answer streamed back as it arrives (SSE included).
 */
public final class RecordingUpstream implements AutoCloseable {

  /** One request as the upstream received it. Header names are lower case. */
  public record RecordedRequest(String method, String path, Map<String, List<String>> headers) {
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  // Set by the HTTP stack itself on either side.
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "host",
          "connection",
          "content-length",
          "transfer-encoding",
          "expect",
          "upgrade",
          "keep-alive",
          "date");

  private final HttpServer server;
  private final URI target;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private volatile String quoteMarker;
  private final AtomicInteger rejected = new AtomicInteger();
  private final ExecutorService executor = Executors.newCachedThreadPool();

  private RecordingUpstream(HttpServer server, URI target) {
    this.server = server;
    this.target = target;
    server.setExecutor(executor);
  }

  /** Starts on a free loopback port, passing requests on to {@code target} (scheme://host:port). */
  public static RecordingUpstream start(URI target) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    RecordingUpstream upstream = new RecordingUpstream(server, target);
    server.createContext("/", upstream::forward);
    server.start();
    return upstream;
  }

  /** For example {@code http://127.0.0.1:PORT}; append the API path prefix ({@code /v1}). */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * From now on, a request whose body contains {@code marker} is not passed on: it is answered 400
   * in the OpenAI error shape with a message that quotes the whole request body, as providers'
   * validation errors quote the offending value.
   */
  public void rejectQuotingRequestsContaining(String marker) {
    quoteMarker = marker;
  }

  /** How many requests were answered by {@link #rejectQuotingRequestsContaining}. */
  public int rejectedQuoting() {
    return rejected.get();
  }

  public List<RecordedRequest> requests() {
    return new ArrayList<>(requests);
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, List<String>> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
      String pathAndQuery = exchange.getRequestURI().getRawPath();
      if (exchange.getRequestURI().getRawQuery() != null) {
        pathAndQuery += "?" + exchange.getRequestURI().getRawQuery();
      }
      requests.add(new RecordedRequest(exchange.getRequestMethod(), pathAndQuery, headers));

      byte[] body = exchange.getRequestBody().readAllBytes();
      String marker = quoteMarker;
      String text = new String(body, StandardCharsets.UTF_8);
      if (marker != null && text.contains(marker)) {
        rejected.incrementAndGet();
        rejectQuoting(exchange, text);
        return;
      }
      HttpRequest.Builder request =
          HttpRequest.newBuilder(target.resolve(pathAndQuery))
              .timeout(Duration.ofSeconds(120))
              .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      headers.forEach(
          (name, values) -> {
            if (!HOP_BY_HOP.contains(name)) {
              values.forEach(value -> request.header(name, value));
            }
          });
      HttpResponse<InputStream> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(502, -1);
        return;
      } catch (IOException e) {
        exchange.sendResponseHeaders(502, -1);
        return;
      }
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                  exchange.getResponseHeaders().put(name, values);
                }
              });
      exchange.sendResponseHeaders(response.statusCode(), 0);
      try (InputStream in = response.body();
          OutputStream out = exchange.getResponseBody()) {
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
          out.write(buffer, 0, n);
          out.flush();
        }
      }
    }
  }

  private static void rejectQuoting(HttpExchange exchange, String requestBody) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode answer = json.createObjectNode();
    answer
        .putObject("error")
        .put("message", "Invalid request, you sent: " + requestBody)
        .put("type", "invalid_request_error")
        .put("param", "messages")
        .put("code", "invalid_value");
    byte[] bytes = json.writeValueAsBytes(answer);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(400, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
