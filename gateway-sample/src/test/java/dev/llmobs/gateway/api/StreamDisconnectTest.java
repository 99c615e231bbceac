package dev.llmobs.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmobs.gateway.RunningGateway;
import dev.llmobs.gateway.simulator.UpstreamSimulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client that goes away mid-stream makes the gateway close its upstream stream. The gateway here
 * uses a simulator of the test's own through the base-URL options, so the test can see it.
 */
class StreamDisconnectTest {

  static UpstreamSimulator simulator;
  static RunningGateway gateway;

  @BeforeAll
  static void start() throws Exception {
    simulator = UpstreamSimulator.start(0);
    gateway =
        RunningGateway.start(
            Map.of(
                "gateway.openai.base-url",
                simulator.baseUrl(),
                "gateway.openai.api-key",
                "sk-test",
                "gateway.anthropic.base-url",
                simulator.anthropicBaseUrl(),
                "gateway.anthropic.api-key",
                "sk-ant-test"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    simulator.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"gpt-4o-mini", "claude-sonnet-4-5"})
  void clientDisconnectClosesTheUpstreamStream(String model) throws Exception {
    long before = simulator.clientDisconnects();
    String body =
        "{\"model\":\""
            + model
            + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"long\"}]}";
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "x-sim-chunks: 200\r\nx-sim-latency-ms: 20000\r\nContent-Length: "
                  + body.getBytes(StandardCharsets.UTF_8).length
                  + "\r\n\r\n"
                  + body)
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null && !line.startsWith("data: ")) {
        // headers, then the first event
      }
      assertThat(line).startsWith("data: ");
    }
    // 100 ms between chunks: the gateway notices on its next write, the simulator on the one after.
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (simulator.clientDisconnects() == before && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(simulator.clientDisconnects()).isEqualTo(before + 1);
  }
}
