package dev.llmobs.it.harness;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The gateway requests that load is made of, each checking its own answer: {@link HttpLoad.Call}s
 * for chat completions, streamed or not, answered or failing upstream, read to the end or dropped.
 */
public final class GatewayCalls {

  private GatewayCalls() {}

  /** A chat completion body; the prompt varies with {@code index} over 100 values. */
  public static String chatBody(String model, boolean stream, int index) {
    return "{\"model\":\""
        + model
        + "\",\"stream\":"
        + stream
        + ",\"messages\":[{\"role\":\"user\",\"content\":\"load request "
        + (index % 100)
        + "\"}]}";
  }

  /** A chat completion that must answer {@code expectedStatus}; headers as name, value pairs. */
  public static HttpLoad.Call chat(
      GatewayProcess gateway, String model, int expectedStatus, String... headers) {
    return (http, i) -> {
      HttpRequest.Builder request = gateway.post("/v1/chat/completions", chatBody(model, false, i));
      if (headers.length > 0) {
        request.headers(headers);
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == expectedStatus
          ? null
          : "HTTP "
              + response.statusCode()
              + " (expected "
              + expectedStatus
              + "): "
              + response.body();
    };
  }

  /** A streamed chat completion read to its {@code [DONE]}. */
  public static HttpLoad.Call stream(GatewayProcess gateway, String model) {
    return (http, i) -> {
      HttpResponse<String> response =
          http.send(
              gateway.post("/v1/chat/completions", chatBody(model, true, i)).build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().endsWith("data: [DONE]\n\n")
          ? null
          : "stream: HTTP " + response.statusCode() + ": " + response.body();
    };
  }

  /**
   * A slow streamed chat completion (ten chunks over 200 ms) that the client drops after its first
   * event, closing the connection: the gateway must end the upstream stream.
   */
  public static HttpLoad.Call streamThenDisconnect(GatewayProcess gateway, String model) {
    return (http, i) -> {
      HttpResponse<InputStream> response =
          http.send(
              gateway
                  .post("/v1/chat/completions", chatBody(model, true, i))
                  .header("x-sim-chunks", "10")
                  .header("x-sim-latency-ms", "200")
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          return "dropped stream: HTTP " + response.statusCode();
        }
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.startsWith("data: ")) {
            return null;
          }
        }
        return "dropped stream: no event before the end";
      }
    };
  }
}
