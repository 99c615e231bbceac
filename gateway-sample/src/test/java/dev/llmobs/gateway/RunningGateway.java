package dev.llmobs.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmobs.gateway.config.GatewayConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A gateway started in this JVM on a free loopback port, with a real HTTP client for it. */
public final class RunningGateway implements AutoCloseable {

  public static final ObjectMapper JSON = new ObjectMapper();

  private final GatewayMain gateway;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RunningGateway(GatewayMain gateway) {
    this.gateway = gateway;
  }

  /** Test defaults (loopback, free port, no retries, 2 s upstream timeout) plus {@code options}. */
  public static RunningGateway start(Map<String, String> options) {
    Map<String, String> all = new HashMap<>();
    all.put(GatewayConfig.HOST, "127.0.0.1");
    all.put(GatewayConfig.PORT, "0");
    all.put(GatewayConfig.UPSTREAM_MAX_RETRIES, "0");
    all.put(GatewayConfig.UPSTREAM_TIMEOUT_MS, "2000");
    all.putAll(options);
    try {
      return new RunningGateway(GatewayMain.start(GatewayConfig.of(all)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RunningGateway start() {
    return start(Map.of());
  }

  public int port() {
    return gateway.port();
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  /** {@code headers} are name, value pairs. */
  public HttpResponse<String> post(String path, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request.build());
  }

  public HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request.build());
  }

  public HttpResponse<String> delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).DELETE().build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  /** One Server-Sent Event: its {@code event:} name (or null) and {@code data:}. */
  public record SseEvent(String event, String data) {
    public JsonNode json() {
      try {
        return JSON.readTree(data);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + data, e);
      }
    }
  }

  public static List<SseEvent> events(HttpResponse<String> response) {
    List<SseEvent> events = new ArrayList<>();
    for (String block : response.body().split("\n\n")) {
      String event = null;
      StringBuilder data = new StringBuilder();
      for (String line : block.split("\n")) {
        if (line.startsWith("event: ")) {
          event = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data.append(line.substring(6));
        }
      }
      if (data.length() > 0) {
        events.add(new SseEvent(event, data.toString()));
      }
    }
    return events;
  }

  /** The error object of an OpenAI-style error body, after checking the body has all four keys. */
  public static JsonNode error(HttpResponse<String> response) {
    JsonNode error = json(response).path("error");
    for (String key : new String[] {"message", "type", "param", "code"}) {
      if (!error.has(key)) {
        throw new AssertionError("error body lacks '" + key + "': " + response.body());
      }
    }
    return error;
  }

  @Override
  public void close() {
    gateway.close();
  }
}
