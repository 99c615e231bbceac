package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmobs.it.harness.AgentGateway;
import dev.llmobs.it.harness.BlackHoleCollector;
import dev.llmobs.it.harness.GatewayCalls;
import dev.llmobs.it.harness.GatewayProcess;
import dev.llmobs.it.harness.HttpLoad;
import dev.llmobs.it.harness.JvmProbe;
import dev.llmobs.it.harness.OtlpReceiver;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The collector goes away under steady load: first nothing listens on its port (connections
 * refused), then a black hole accepts and never answers, then a real receiver comes back on the
 * same port. The application never notices, the agent's queues keep memory bounded, and export
 * resumes.
 */
class CollectorOutageIT {

  static final Duration PHASE = Duration.ofSeconds(10);
  // Live heap after a full GC, and resident memory, from before the outage to its end. The queues
  // of the three exporters (2048 entries each by default) are bounded well below these.
  static final long HEAP_GROWTH_LIMIT = 32L << 20;
  static final long RSS_GROWTH_LIMIT = 96L << 20;

  @Test
  void appServesThroughRefusedAndHungCollectorAndExportResumes() throws Exception {
    int port;
    try (ServerSocket reserve = new ServerSocket(0)) {
      port = reserve.getLocalPort();
    }
    try (GatewayProcess gateway =
        GatewayProcess.builder(GatewayProcess.requiredFile("llmobs.gateway.jar"))
            .javaagent(GatewayProcess.requiredFile("llmobs.agent.jar"))
            .jvmArg("-XX:+UseG1GC")
            .jvmArg("-Xmx256m")
            .exportTo("http://127.0.0.1:" + port)
            .logFile(AgentGateway.workDir().resolve("gateway-collector-outage.log"))
            .start()) {
      // Steady, paced load: two clients, a request every ~20 ms each, one in five streamed.
      HttpLoad load = new HttpLoad(2, Duration.ofMillis(20));
      HttpLoad.Call chat = GatewayCalls.chat(gateway, "gpt-4o-mini", 200);
      HttpLoad.Call stream = GatewayCalls.stream(gateway, "gpt-4o-mini");
      HttpLoad.Call mixed = (http, i) -> i % 5 == 0 ? stream.send(http, i) : chat.send(http, i);

      HttpLoad.Result warmUp = load.run(40, mixed);
      JvmProbe probe = gateway.probe();
      long heapBefore = probe.liveHeapBytes();
      long rssBefore = probe.rssBytes();

      HttpLoad.Result refused = load.runFor(PHASE, mixed);
      HttpLoad.Result hung;
      long heapAfter;
      long rssAfter;
      int blackHoleConnections;
      try (BlackHoleCollector blackHole = BlackHoleCollector.start(port)) {
        hung = load.runFor(PHASE, mixed);
        blackHoleConnections = blackHole.connections();
        heapAfter = probe.liveHeapBytes();
        rssAfter = probe.rssBytes();
      }
      System.out.printf(
          "collector outage: refused %s; hung %s; live heap %d -> %d KB, RSS %d -> %d KB%n",
          refused, hung, heapBefore >> 10, heapAfter >> 10, rssBefore >> 10, rssAfter >> 10);

      assertThat(warmUp.failures()).as(warmUp.toString()).isZero();
      for (HttpLoad.Result phase : List.of(refused, hung)) {
        assertThat(phase.failures()).as(phase.toString()).isZero();
        assertThat(phase.requests()).as(phase.toString()).isGreaterThan(20);
      }
      // The agent did try to export into the black hole, and its queues stayed bounded.
      assertThat(blackHoleConnections).isPositive();
      assertThat(heapAfter - heapBefore).isLessThan(HEAP_GROWTH_LIMIT);
      assertThat(rssAfter - rssBefore).isLessThan(RSS_GROWTH_LIMIT);

      try (OtlpReceiver receiver = OtlpReceiver.start(port)) {
        List<String> ids = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 5; i++) {
          HttpResponse<String> response =
              gateway.postJson(
                  "/v1/chat/completions", GatewayCalls.chatBody("gpt-4o-mini", false, i));
          assertThat(response.statusCode()).isEqualTo(200);
          ids.add(json.readTree(response.body()).path("id").asText());
        }
        receiver.awaitSpans(
            spans -> ids.stream().allMatch(id -> ChatTraces.chatSpan(spans, id).isPresent()),
            Duration.ofSeconds(60));
      }
      assertThat(gateway.isAlive()).isTrue();
      // The application logged no error of its own (the agent's export warnings are expected).
      assertThat(gateway.logText().lines().filter(l -> l.contains("\"level\":\"ERROR\"")))
          .isEmpty();
    }
  }
}
