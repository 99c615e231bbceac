package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmobs.it.harness.AgentGateway;
import dev.llmobs.it.harness.GatewayCalls;
import dev.llmobs.it.harness.GatewayProcess;
import dev.llmobs.it.harness.HttpLoad;
import dev.llmobs.it.harness.JvmProbe;
import dev.llmobs.it.harness.OtlpReceiver;
import dev.llmobs.it.harness.ReceivedMetricPoint;
import dev.llmobs.it.harness.ReceivedSpan;
import dev.llmobs.it.harness.SimulatorProcess;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * 50,000 requests through the gateway with the llmobs agent, in five segments of a mixed load (chat
 * on both providers, streams read to the end or dropped by the client, upstream failures). After
 * each segment the load pauses until every GenAI span has been exported, and the live heap is
 * measured after a full GC: it shows no growth. At the end no span is open (every call's span ended
 * and was exported, the in-flight gauge is back to 0), and no GenAI MDC entry or trace context
 * leaked onto the server's threads.
 */
class SoakIT {

  static final int SEGMENTS = 5;
  static final int SEGMENT_REQUESTS = 10_000;
  static final int CONCURRENCY = 8;
  static final String GENAI_SCOPE = "dev.llmobs.genai";

  /** Growth of the live heap from the second sample to the highest later one. */
  static final long HEAP_GROWTH_LIMIT = 8L << 20;

  /** What the receiver got, counted instead of kept. */
  static final class Counts {
    final AtomicLong genAiSpans = new AtomicLong();
    final Map<Object, AtomicLong> genAiErrorTypes = new ConcurrentHashMap<>();
    final AtomicLong serverSpans = new AtomicLong();
    final AtomicLong serverSpansWithParent = new AtomicLong();

    void add(ReceivedSpan span) {
      if (GENAI_SCOPE.equals(span.scopeName())) {
        genAiSpans.incrementAndGet();
        Object errorType = span.attribute("error.type");
        if (errorType != null) {
          genAiErrorTypes.computeIfAbsent(errorType, k -> new AtomicLong()).incrementAndGet();
        }
      }
      if (span.kind() == Span.SpanKind.SPAN_KIND_SERVER
          && span.name().equals("POST /v1/chat/completions")) {
        serverSpans.incrementAndGet();
        if (!span.parentSpanId().isEmpty()) {
          serverSpansWithParent.incrementAndGet();
        }
      }
    }
  }

  @Test
  void fiftyThousandRequestsLeaveNoGrowthNoOpenSpanNoLeakedContext() throws Exception {
    Counts counts = new Counts();
    Path work = AgentGateway.workDir();
    try (SimulatorProcess simulator =
            SimulatorProcess.start(
                GatewayProcess.requiredFile("llmobs.gateway.jar"),
                work.resolve("soak-simulator.log"));
        OtlpReceiver receiver = OtlpReceiver.counting(counts::add);
        GatewayProcess gateway =
            GatewayProcess.builder(GatewayProcess.requiredFile("llmobs.gateway.jar"))
                .javaagent(GatewayProcess.requiredFile("llmobs.agent.jar"))
                .jvmArg("-XX:+UseG1GC")
                .jvmArg("-Xmx512m")
                .upstream(simulator)
                .exportTo(receiver)
                // Room for every span of a segment, so that counting them proves each one ended.
                .systemProperty("otel.bsp.max.queue.size", "65536")
                .systemProperty("otel.bsp.max.export.batch.size", "2048")
                // One upstream call per request: a failure is one failed GenAI span, not three.
                .systemProperty("gateway.upstream.max-retries", "0")
                .logFile(work.resolve("gateway-soak.log"))
                .start()) {
      HttpLoad.Call mix = mix(gateway);
      HttpLoad load = new HttpLoad(CONCURRENCY);
      JvmProbe probe = gateway.probe();
      List<Long> liveHeap = new ArrayList<>();
      long start = System.nanoTime();
      for (int segment = 0; segment < SEGMENTS; segment++) {
        int offset = segment * SEGMENT_REQUESTS;
        HttpLoad.Result result =
            load.run(SEGMENT_REQUESTS, (http, i) -> mix.send(http, offset + i));
        assertThat(result.failures()).as(result.toString()).isZero();
        long sent = (long) (segment + 1) * SEGMENT_REQUESTS;
        awaitCount(counts.genAiSpans, sent, "GenAI spans");
        liveHeap.add(probe.liveHeapBytes());
        System.out.printf(
            "soak segment %d: %s; live heap %d KB%n",
            segment + 1, result, liveHeap.get(segment) >> 10);
      }
      long total = (long) SEGMENTS * SEGMENT_REQUESTS;
      System.out.printf(
          "soak: %d requests in %.1f s, live heap after each segment (KB): %s%n",
          total, (System.nanoTime() - start) / 1e9, liveHeap.stream().map(b -> b >> 10).toList());

      // Every call's span ended (only ended spans are exported), exactly once.
      assertThat(counts.genAiSpans.get()).isEqualTo(total);
      // Each upstream failure is one span with the upstream's status. Dropped streams end
      // cancelled, but for the few the gateway finished writing before it saw the client gone.
      assertThat(counts.genAiErrorTypes.get("500")).hasValue(total / 20);
      assertThat(counts.genAiErrorTypes.get("cancelled").get()).isBetween(total / 40, total / 20);
      assertThat(counts.genAiErrorTypes.keySet()).containsOnly("500", "cancelled");
      // No trace context leaked onto a server thread: every request is a trace of its own.
      awaitCount(counts.serverSpans, total, "server spans");
      assertThat(counts.serverSpansWithParent.get()).isZero();
      assertActiveRequestsBackToZero(receiver);

      long baseline = liveHeap.get(1);
      long highest = liveHeap.subList(1, liveHeap.size()).stream().max(Long::compare).orElseThrow();
      assertThat(highest - baseline)
          .as("live heap growth after warm-up, samples %s", liveHeap)
          .isLessThan(HEAP_GROWTH_LIMIT);

      assertNoLeakedMdc(gateway, total);
    }
  }

  /**
   * By request index: 1 in 20 an upstream failure (502), 1 in 20 a stream the client drops, 1 in 10
   * a stream read to the end, 1 in 10 an Anthropic chat, the rest OpenAI chat.
   */
  static HttpLoad.Call mix(GatewayProcess gateway) {
    HttpLoad.Call failing = GatewayCalls.chat(gateway, "gpt-4o-mini", 502, "x-sim-error", "500");
    HttpLoad.Call dropped = GatewayCalls.streamThenDisconnect(gateway, "gpt-4o-mini");
    HttpLoad.Call stream = GatewayCalls.stream(gateway, "gpt-4o-mini");
    HttpLoad.Call anthropic = GatewayCalls.chat(gateway, "claude-haiku-4-5", 200);
    HttpLoad.Call chat = GatewayCalls.chat(gateway, "gpt-4o-mini", 200);
    return (http, i) -> {
      if (i % 20 == 11) {
        return failing.send(http, i);
      } else if (i % 20 == 7) {
        return dropped.send(http, i);
      } else if (i % 10 == 3) {
        return stream.send(http, i);
      } else if (i % 10 == 5) {
        return anthropic.send(http, i);
      }
      return chat.send(http, i);
    };
  }

  static void awaitCount(AtomicLong count, long expected, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (count.get() < expected && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(count.get()).as(what).isEqualTo(expected);
  }

  /** The last exported value of every series of the in-flight gauge is 0. */
  static void assertActiveRequestsBackToZero(OtlpReceiver receiver) throws Exception {
    int seen = receiver.metricPoints().size();
    receiver.awaitMetricPoints(
        points -> {
          Map<Map<String, Object>, Double> last = new LinkedHashMap<>();
          for (ReceivedMetricPoint p : points.subList(seen, points.size())) {
            if (p.name().equals("gen_ai.client.active_requests")) {
              last.put(p.attributes(), p.value());
            }
          }
          return !last.isEmpty() && last.values().stream().allMatch(v -> v == 0);
        },
        Duration.ofSeconds(30));
  }

  /**
   * The gateway writes every MDC entry into its JSON lines. The access line, logged after the
   * request's one provider call, carries that request's totals (README "Request totals") and with
   * them the call's provider and model; a key leaked from another request would show up as GenAI
   * keys without those totals, or as totals of more than one call. The one line logged while a call
   * runs (a client that drops its stream, logged by the gateway's stream copier before it closes
   * the upstream stream) carries that call's keys and no totals yet. And each request's line names
   * a trace of its own.
   */
  static void assertNoLeakedMdc(GatewayProcess gateway, long requests) {
    List<String> completed =
        gateway.logText().lines().filter(l -> l.contains("\"request completed\"")).toList();
    assertThat(completed).hasSizeGreaterThanOrEqualTo((int) requests);
    assertThat(
            gateway
                .logText()
                .lines()
                .filter(l -> l.contains("\"gen_ai.") || l.contains("\"llmobs.request."))
                .filter(l -> !l.contains("\"logger\":\"dev.llmobs.gateway.api.Streams\""))
                .filter(l -> !l.contains("\"llmobs.request.gen_ai.calls\":\"1\"")))
        .isEmpty();
    Set<String> traceIds = new HashSet<>();
    for (String line : completed) {
      int at = line.indexOf("\"trace_id\":\"");
      assertThat(at).as(line).isPositive();
      traceIds.add(line.substring(at + 12, at + 44));
    }
    assertThat(traceIds).hasSize(completed.size());
  }
}
