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
 * agent, and the llmobs agent, interleaved round by round so machine noise hits all alike. A
 * benchmark, not a test: {@code mvn -q -DskipTests -Pstartup-benchmark package}.
 */
public final class StartupBenchmark {

  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("rounds", 5);
    Path gatewayJar = GatewayProcess.requiredFile("llmobs.gateway.jar");
    Map<String, Path> agents = new LinkedHashMap<>();
    agents.put("no agent", null);
    agents.put("stock agent", GatewayProcess.requiredFile("llmobs.stock.agent.jar"));
    agents.put("llmobs agent", GatewayProcess.requiredFile("llmobs.agent.jar"));
    Path workDir = Paths.get(System.getProperty("llmobs.work.dir", "target/bench"));

    Map<String, List<Long>> millis = new LinkedHashMap<>();
    agents.keySet().forEach(k -> millis.put(k, new ArrayList<>()));
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, Path> agent : agents.entrySet()) {
        GatewayProcess.Builder builder =
            GatewayProcess.builder(gatewayJar)
                .systemProperty("otel.traces.exporter", "none")
                .systemProperty("otel.metrics.exporter", "none")
                .systemProperty("otel.logs.exporter", "none")
                .logFile(workDir.resolve("startup.log"));
        if (agent.getValue() != null) {
          builder.javaagent(agent.getValue());
        }
        long start = System.nanoTime();
        try (GatewayProcess gateway = builder.start()) {
          millis.get(agent.getKey()).add((System.nanoTime() - start) / 1_000_000);
        }
      }
    }
    long stockMedian = median(millis.get("stock agent"));
    System.out.printf("%-14s %10s %12s %10s%n", "variant", "median ms", "vs stock", "jar bytes");
    for (Map.Entry<String, List<Long>> entry : millis.entrySet()) {
      Path jar = agents.get(entry.getKey());
      long median = median(entry.getValue());
      System.out.printf(
          "%-14s %10d %11.2fx %10s   runs=%s%n",
          entry.getKey(),
          median,
          (double) median / stockMedian,
          jar == null ? "-" : Long.toString(Files.size(jar)),
          entry.getValue());
    }
  }

  static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
