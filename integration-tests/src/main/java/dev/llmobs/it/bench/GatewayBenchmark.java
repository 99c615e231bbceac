package dev.llmobs.it.bench;

import dev.llmobs.it.harness.GatewayCalls;
import dev.llmobs.it.harness.GatewayProcess;
import dev.llmobs.it.harness.HttpLoad;
import dev.llmobs.it.harness.JvmProbe;
import dev.llmobs.it.harness.OtlpReceiver;
import dev.llmobs.it.harness.SimulatorProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's overhead figures with no agent, the stock upstream agent and the llmobs agent,
 * variants alternated round by round, and the report {@code BENCHMARKS.md} (with its chart) at the
 * repository root. The upstream simulator runs in a JVM of its own with no agent, so the gateway's
 * JVM holds only the gateway and the agent under test. Run by {@code mvn -q -DskipTests
 * -Pbenchmarks package} (see the README); a benchmark, not a test.
 */
public final class GatewayBenchmark {

  /** Simulated upstream latency of the network-bound phase, in milliseconds. */
  static final int NETWORK_LATENCY_MS = 50;

  /** Connections of the network-bound phase. */
  static final int NETWORK_CONNECTIONS = 8;

  private static final double MB = 1024.0 * 1024.0;

  private final Path gatewayJar;
  private final Path workDir;
  // The JIT is still busy long after start: after 5,000 requests its compiler threads took about a
  // third of the gateway's CPU, with or without an agent, and how much of that work fell into the
  // measured window decided the ratios. 20,000 requests get the gateway near its steady state.
  private final int warmupRequests = Integer.getInteger("bench.warmup", 20000);
  private final int cpuRequests = Integer.getInteger("bench.cpu.requests", 10000);
  private final int cpuConnections = Integer.getInteger("bench.cpu.connections", 4);
  private final int networkRequests = Integer.getInteger("bench.network.requests", 1600);

  private GatewayBenchmark(Path gatewayJar, Path workDir) {
    this.gatewayJar = gatewayJar;
    this.workDir = workDir;
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    int rounds = Integer.getInteger("rounds", 3);
    Path repoRoot =
        Paths.get(System.getProperty("llmobs.repo.root", ".")).toAbsolutePath().normalize();
    Path workDir = Paths.get(System.getProperty("llmobs.work.dir", "target/bench"));
    Files.createDirectories(workDir);
    GatewayBenchmark benchmark =
        new GatewayBenchmark(GatewayProcess.requiredFile("llmobs.gateway.jar"), workDir);
    List<AgentVariant> variants = AgentVariant.all();

    Machine before = Machine.now();
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Map<String, List<RunFigures>> runs = new LinkedHashMap<>();
    variants.forEach(v -> runs.put(v.name(), new ArrayList<>()));
    try (SimulatorProcess simulator =
            SimulatorProcess.start(
                benchmark.gatewayJar, workDir.resolve("benchmark-simulator.log"));
        OtlpReceiver collector = OtlpReceiver.discarding()) {
      for (int round = 0; round < rounds; round++) {
        for (AgentVariant variant : AgentVariant.rotated(variants, round)) {
          RunFigures figures = benchmark.measure(variant, simulator, collector);
          System.out.printf("round %d/%d  %-13s %s%n", round + 1, rounds, variant.name(), figures);
          runs.get(variant.name()).add(figures);
        }
      }
    }
    Machine after = Machine.now();

    Optional<JmhResult> jmh = JmhResult.read(repoRoot);
    BenchmarkReport report =
        new BenchmarkReport(
            started, Instant.now(), rounds, before, after, variants, runs, jmh, benchmark);
    Path markdown = repoRoot.resolve("BENCHMARKS.md");
    Path chart = repoRoot.resolve(BenchmarkReport.CHART_FILE);
    RatioChart.write(report.targets(), chart);
    Files.writeString(markdown, report.markdown());
    System.out.println();
    System.out.print(report.summary());
    System.out.println("written: " + markdown + ", " + chart);
  }

  /** One variant, one round: a fresh gateway JVM through every phase. */
  private RunFigures measure(
      AgentVariant variant, SimulatorProcess simulator, OtlpReceiver collector) throws Exception {
    GatewayProcess.Builder builder =
        variant
            .gateway(gatewayJar)
            .upstream(simulator)
            .jvmArg("-XX:+UseG1GC")
            .systemProperty("otel.exporter.otlp.endpoint", collector.endpoint())
            .systemProperty("otel.exporter.otlp.protocol", "http/protobuf")
            .logFile(workDir.resolve("benchmark-gateway.log"));
    try (GatewayProcess gateway = builder.start()) {
      double startupMs = gateway.startupTime().toNanos() / 1e6;

      // Zero simulated latency: the gateway's CPU is the limit; its CPU time is the figure.
      HttpLoad cpuLoad = new HttpLoad(cpuConnections);
      check(cpuLoad.run(warmupRequests, chat(gateway, 0)), "warm-up");
      Duration cpuBefore = gateway.probe().cpuTime();
      HttpLoad.Result cpu = check(cpuLoad.run(cpuRequests, chat(gateway, 0)), "CPU phase");
      Duration cpuUsed = gateway.probe().cpuTime().minus(cpuBefore);
      JvmProbe probe = gateway.probe();
      double rssMb = probe.rssBytes() / MB;
      // After a full GC, G1 gives back what the heap does not need: the RSS left is the
      // footprint (classes, code, threads, live objects), without the heap's growth under load,
      // which varies from run to run.
      double liveHeapMb = probe.liveHeapBytes() / MB;
      Thread.sleep(2000);
      double rssAfterGcMb = probe.rssBytes() / MB;

      // Network-bound: the upstream's latency is the limit; throughput and latency are the figures.
      HttpLoad networkLoad = new HttpLoad(NETWORK_CONNECTIONS);
      check(
          networkLoad.run(NETWORK_CONNECTIONS * 10, chat(gateway, NETWORK_LATENCY_MS)), "warm-up");
      HttpLoad.Result network =
          check(
              networkLoad.run(networkRequests, chat(gateway, NETWORK_LATENCY_MS)), "network phase");
      return new RunFigures(
          startupMs,
          cpuUsed.toNanos() / 1e6 / cpu.requests(),
          rssMb,
          rssAfterGcMb,
          liveHeapMb,
          network.requestsPerSecond(),
          network.latencyMillis(0.50),
          network.latencyMillis(0.99));
    }
  }

  private static HttpLoad.Call chat(GatewayProcess gateway, int latencyMs) {
    return GatewayCalls.chat(
        gateway, "gpt-4o-mini", 200, "x-sim-latency-ms", Integer.toString(latencyMs));
  }

  private static HttpLoad.Result check(HttpLoad.Result result, String phase) {
    if (result.failures() > 0) {
      throw new IllegalStateException(phase + " had failed requests: " + result);
    }
    return result;
  }

  String method() {
    return String.format(
        "each round starts a fresh gateway JVM per variant (order rotated each round), sends %d"
            + " warm-up chat completions over %d connections with no simulated latency (the JIT"
            + " keeps compiling for thousands of requests: after 5000, its threads still took about"
            + " a third of the gateway's CPU, with or without an agent), then"
            + " measures the gateway process's CPU time (user + system, from the OS) over %d more"
            + " and its RSS after them, then again after a full GC (jcmd GC.run, 2 s for G1 to"
            + " give memory back) with the live heap; then %d chat completions over %d connections with %d ms"
            + " simulated upstream latency (x-sim-latency-ms) after %d warm-up ones, for"
            + " throughput and latency",
        warmupRequests,
        cpuConnections,
        cpuRequests,
        networkRequests,
        NETWORK_CONNECTIONS,
        NETWORK_LATENCY_MS,
        NETWORK_CONNECTIONS * 10);
  }
}
