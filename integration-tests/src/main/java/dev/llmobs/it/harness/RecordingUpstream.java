package dev.llmobs.it.harness;

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

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
