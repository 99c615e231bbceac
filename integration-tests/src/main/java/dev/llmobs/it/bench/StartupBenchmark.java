package dev.llmobs.it.bench;

import dev.llmobs.it.harness.GatewayProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time from JVM launch to the gateway's first healthy answer with no agent, the stock upstream
 * agent, and the llmobs agent, interleaved round by round so machine noise hits all alike. A quick
 * look at start-up alone ({@code mvn -q -DskipTests -Pstartup-benchmark package}); the figures of
 * record come from {@link GatewayBenchmark}, which measures start-up the same way.
 */
public final class StartupBenchmark {

  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("rounds", 5);
    Path gatewayJar = GatewayProcess.requiredFile("llmobs.gateway.jar");
    List<AgentVariant> variants = AgentVariant.all();
    Path workDir = Paths.get(System.getProperty("llmobs.work.dir", "target/bench"));

    Map<String, List<Double>> millis = new LinkedHashMap<>();
    variants.forEach(v -> millis.put(v.name(), new ArrayList<>()));
    for (int round = 0; round < rounds; round++) {
      for (AgentVariant variant : AgentVariant.rotated(variants, round)) {
        GatewayProcess.Builder builder =
            variant
                .gateway(gatewayJar)
                .systemProperty("otel.traces.exporter", "none")
                .systemProperty("otel.metrics.exporter", "none")
                .systemProperty("otel.logs.exporter", "none")
                .logFile(workDir.resolve("startup.log"));
        try (GatewayProcess gateway = builder.start()) {
          millis.get(variant.name()).add(gateway.startupTime().toNanos() / 1e6);
        }
      }
    }
    double stockMedian = Stats.median(millis.get(AgentVariant.STOCK));
    System.out.printf("%-14s %10s %12s %10s%n", "variant", "median ms", "vs stock", "jar bytes");
    for (AgentVariant variant : variants) {
      double median = Stats.median(millis.get(variant.name()));
      System.out.printf(
          "%-14s %10.0f %11.2fx %10s   runs=%s%n",
          variant.name(),
          median,
          median / stockMedian,
          variant.agentJar() == null ? "-" : Long.toString(Files.size(variant.agentJar())),
          millis.get(variant.name()));
    }
  }

  private StartupBenchmark() {}
}
