package dev.llmobs.gateway.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmobs.gateway.RawHttp;
import dev.llmobs.gateway.RunningGateway;
import dev.llmobs.gateway.fuzz.HostileRequests.Hostile;
import dev.llmobs.gateway.logging.CapturedLogs;
import dev.llmobs.gateway.simulator.UpstreamSimulator;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * 1,000 seeded hostile requests against every endpoint of a running gateway: each gets a 4xx with
 * an OpenAI error body, or a 2xx when it is in fact valid; never a 5xx, never a dropped connection;
 * the gateway stays healthy, and every log line stays one JSON object.
 */
class HostileInputFuzzTest {

  static final long SEED = 20_260_118L;
  static final int REQUESTS = 1_000;

  static final List<String> MODELS =
      List.of("gpt-4o-mini", "o3-mini", "claude-haiku-4-5", "gemini-2.5-flash");

  @Test
  void everyHostileRequestGetsA4xxInTheOpenAiShapeOrA2xx() throws Exception {
    List<Hostile> requests =
        new HostileRequests(SEED, HostileRequests.gatewayEndpoints(), MODELS, false)
            .generate(REQUESTS);
    Map<String, Integer> statusesByKind = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    try (CapturedLogs logs = CapturedLogs.attach();
        RunningGateway gateway = RunningGateway.start()) {
      for (Hostile request : requests) {
        RawHttp.Answer answer = RawHttp.send(gateway.port(), request.head(), request.body());
        statusesByKind.merge(request.kind() + " " + answer.status(), 1, Integer::sum);
        String problem = HostileRequests.problem(answer);
        if (problem != null) {
          failures.add(problem + " <- " + request.describe());
        }
      }

      assertThat(failures).as("requests answered wrongly").isEmpty();
      assertHealthy(gateway);
      assertLogLinesAreWholeJsonObjects(logs.lines());
    }
    System.out.println("hostile requests by kind and status: " + statusesByKind);
  }

  /** The simulator answers bad values as a provider does (a 4xx), never with an exception. */
  @Test
  void theSimulatorAnswersHostileBodiesWith4xxOr2xx() throws Exception {
    List<Hostile> requests =
        new HostileRequests(SEED + 1, HostileRequests.simulatorEndpoints(), MODELS, true)
            .generate(300);
    List<String> failures = new ArrayList<>();
    try (UpstreamSimulator simulator = UpstreamSimulator.start(0)) {
      for (Hostile request : requests) {
        RawHttp.Answer answer = RawHttp.send(simulator.port(), request.head(), request.body());
        if (answer.status() < 200
            || answer.status() >= 500
            || (answer.status() >= 300 && answer.status() < 400)) {
          failures.add(
              "HTTP " + answer.status() + " " + cut(answer.body()) + " <- " + request.describe());
        } else if (answer.status() >= 400) {
          JsonNode body = RunningGateway.JSON.readTree(answer.body());
          if (!body.path("error").path("message").isTextual()) {
            failures.add("no error message: " + cut(answer.body()) + " <- " + request.describe());
          }
        }
      }
    }
    assertThat(failures).as("simulator answers").isEmpty();
  }

  static void assertHealthy(RunningGateway gateway) {
    assertThat(gateway.get("/health").statusCode()).isEqualTo(200);
    for (String model : MODELS) {
      HttpResponse<String> chat =
          gateway.post(
              "/v1/chat/completions",
              "{\"model\":\""
                  + model
                  + "\",\"messages\":[{\"role\":\"user\",\"content\":\"still there?\"}]}");
      assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
    }
    String metrics = gateway.get("/metrics").body();
    // Route templates only: hostile paths and model names never become label values.
    assertThat(metrics).doesNotContain("forged", "etc/passwd", "aaaaaaaa", "rrrrrrrr");
    assertThat(metrics.lines().filter(l -> l.startsWith("http_requests_total{")).count())
        .isLessThan(100);
  }

  static void assertLogLinesAreWholeJsonObjects(List<String> lines) throws Exception {
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      assertThat(line).endsWith("\n");
      String body = line.substring(0, line.length() - 1);
      assertThat(body).as("one line per event").doesNotContain("\n", "\r");
      JsonNode json = RunningGateway.JSON.readTree(body);
      assertThat(json.isObject()).as(line).isTrue();
      assertThat(json.path("level").asText()).as(line).isNotEqualTo("ERROR");
    }
  }

  static String cut(String text) {
    return text.length() > 400 ? text.substring(0, 400) + "..." : text;
  }
}
