package dev.llmobs.it.bench;

import dev.llmobs.it.harness.GatewayProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/** What the gateway's JVM runs with in a benchmark: no agent, the stock agent, or ours. */
record AgentVariant(String name, Path agentJar) {

  static final String NO_AGENT = "no agent";
  static final String STOCK = "stock agent";
  static final String LLMOBS = "llmobs agent";

  /** No agent, the stock upstream agent 2.31.1, the llmobs agent: the order of the report. */
  static List<AgentVariant> all() {
    return List.of(
        new AgentVariant(NO_AGENT, null),
        new AgentVariant(STOCK, GatewayProcess.requiredFile("llmobs.stock.agent.jar")),
        new AgentVariant(LLMOBS, GatewayProcess.requiredFile("llmobs.agent.jar")));
  }

  /** The variants in the order of round {@code round}: rotated, so none is always first. */
  static List<AgentVariant> rotated(List<AgentVariant> variants, int round) {
    int n = variants.size();
    return IntStream.range(0, n).mapToObj(i -> variants.get((i + round) % n)).toList();
  }

  GatewayProcess.Builder gateway(Path gatewayJar) {
    GatewayProcess.Builder builder = GatewayProcess.builder(gatewayJar);
    return agentJar == null ? builder : builder.javaagent(agentJar);
  }
}
