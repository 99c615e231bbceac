package dev.llmobs.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmobs.gateway.RunningGateway;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway's logs as configured in logback.xml: one JSON object a line, the MDC included. */
class JsonLogsTest {

  static final String PROMPT = "my very secret prompt text";
  static final String CLIENT_KEY = "client-secret-key-123";

  static CapturedLogs logs;
  static List<String> lines;
  static RunningGateway gateway;

  @BeforeAll
  static void start() {
    logs = CapturedLogs.attach();
    lines = logs.lines();
    gateway = RunningGateway.start(Map.of("gateway.auth.keys", CLIENT_KEY));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    logs.close();
  }

  @Test
  void eachLineIsOneJsonObjectWithTheMdcAsFields() throws Exception {
    LoggingEvent event = new LoggingEvent();
    event.setLoggerName("dev.llmobs.gateway.Example");
    event.setLevel(Level.WARN);
    event.setMessage("hello {}");
    event.setArgumentArray(new Object[] {"world"});
    event.setTimeStamp(1_750_000_000_000L);
    event.setThreadName("t1");
    event.setMDCPropertyMap(
        Map.of(
            "request_id",
            "r-1",
            "trace_id",
            "0af7651916cd43dd8448eb211c80319c",
            "span_id",
            "b7ad6b7169203331"));

    String line = new String(logs.encoder().encode(event), StandardCharsets.UTF_8);

    assertThat(line).endsWith("\n");
    assertThat(line.strip()).doesNotContain("\n");
    JsonNode json = RunningGateway.JSON.readTree(line);
    assertThat(json.path("time").asText()).startsWith("2025-06-15T");
    assertThat(json.path("level").asText()).isEqualTo("WARN");
    assertThat(json.path("logger").asText()).isEqualTo("dev.llmobs.gateway.Example");
    assertThat(json.path("message").asText()).isEqualTo("hello world");
    assertThat(json.path("request_id").asText()).isEqualTo("r-1");
    assertThat(json.path("trace_id").asText()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(json.path("span_id").asText()).isEqualTo("b7ad6b7169203331");
  }

  @Test
  void aClientValueWithLineBreaksCannotForgeALine() throws Exception {
    LoggingEvent event = new LoggingEvent();
    event.setLoggerName("dev.llmobs.gateway.Example");
    event.setLevel(Level.WARN);
    event.setMessage("model {}");
    event.setArgumentArray(
        new Object[] {"gpt-4o\r\n{\"level\":\"ERROR\",\"message\":\"forged\"}\u2028\u0000"});
    event.setTimeStamp(1_750_000_000_000L);
    event.setMDCPropertyMap(Map.of());

    String line = new String(logs.encoder().encode(event), StandardCharsets.UTF_8);

    assertThat(line.strip()).doesNotContain("\n", "\r", "\u0000");
    JsonNode json = RunningGateway.JSON.readTree(line);
    assertThat(json.path("level").asText()).isEqualTo("WARN");
    assertThat(json.path("message").asText()).startsWith("model gpt-4o\r\n{").contains("forged");
  }

  @Test
  void requestLogCarriesTheRequestIdAndNeverContentOrKeys() throws Exception {
    String body =
        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\""
            + PROMPT
            + "\"}]}";
    assertThat(
            gateway
                .post(
                    "/v1/chat/completions",
                    body,
                    "Authorization",
                    "Bearer " + CLIENT_KEY,
                    "X-Request-ID",
                    "log-test-1")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            gateway
                .post(
                    "/v1/chat/completions",
                    body,
                    "Authorization",
                    "Bearer wrong-key",
                    "X-Request-ID",
                    "log-test-2")
                .statusCode())
        .isEqualTo(401);
    assertThat(
            gateway
                .post(
                    "/v1/chat/completions",
                    body,
                    "Authorization",
                    "Bearer " + CLIENT_KEY,
                    "X-Request-ID",
                    "log-test-3",
                    "x-sim-error",
                    "500")
                .statusCode())
        .isEqualTo(502);

    JsonNode access = awaitLine("log-test-1");
    assertThat(access.path("logger").asText()).isEqualTo("dev.llmobs.gateway.access");
    assertThat(access.path("message").asText()).isEqualTo("request completed");
    assertThat(access.path("http_route").asText()).isEqualTo("/v1/chat/completions");
    assertThat(access.path("http_status").asInt()).isEqualTo(200);
    assertThat(access.path("level").asText()).isEqualTo("INFO");
    assertThat(awaitLine("log-test-2").path("http_status").asInt()).isEqualTo(401);
    assertThat(awaitLine("log-test-3").path("http_status").asInt()).isEqualTo(502);
    // the upstream failure's warning line also carries the request id
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).contains("upstream call failed").contains("log-test-3"));

    assertThat(lines)
        .allSatisfy(
            l ->
                assertThat(l)
                    .doesNotContain(PROMPT)
                    .doesNotContain(CLIENT_KEY)
                    .doesNotContain("wrong-key")
                    .doesNotContain("sk-simulator"));
  }

  static JsonNode awaitLine(String requestId) throws Exception {
    // The request logger runs after the response is written, so allow it a moment.
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (String line : lines) {
        JsonNode json = RunningGateway.JSON.readTree(line);
        if (requestId.equals(json.path("request_id").asText())
            && "request completed".equals(json.path("message").asText())) {
          return json;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no request log line with request_id " + requestId + " in " + lines);
  }
}
