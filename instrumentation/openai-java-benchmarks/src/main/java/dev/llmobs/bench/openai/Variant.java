package dev.llmobs.bench.openai;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a measured JVM runs with: no agent, the stock upstream agent, or the llmobs agent. */
final class Variant {

  /**
   * No network and no exporter work, but spans are still sampled, recorded and handed to every span
   * processor (the llmobs cost processor included): the exporter setting only decides whether an
   * exporting processor is added. The pre-flight proves this per run.
   */
  static final List<String> QUIET_EXPORTERS =
      List.of(
          "-Dotel.traces.exporter=none",
          "-Dotel.metrics.exporter=none",
          "-Dotel.logs.exporter=none");

  static final String NO_AGENT = "no agent";
  static final String UPSTREAM = "upstream agent";
  static final String LLMOBS = "llmobs agent";

  final String name;
  final Path agentJar;
  final List<String> properties;

  private Variant(String name, Path agentJar, List<String> properties) {
    this.name = name;
    this.agentJar = agentJar;
    this.properties = properties;
  }

  static List<Variant> all() {
    return List.of(
        new Variant(NO_AGENT, null, List.of()),
        // Upstream's own openai-java instrumentation is on by default in the stock agent.
        new Variant(UPSTREAM, requiredFile("llmobs.stock.agent.jar"), QUIET_EXPORTERS),
        // The llmobs defaults switch upstream's openai-java off and ours on, and add the cost
        // processor with its usage events.
        new Variant(LLMOBS, requiredFile("llmobs.agent.jar"), QUIET_EXPORTERS));
  }

  /** The JVM options of a measured fork. */
  List<String> jvmArgs() {
    List<String> measured = new ArrayList<>(properties);
    // The agent's start-up banner in every fork's output says nothing; the pre-flight keeps it.
    measured.add("-Dotel.javaagent.logging=none");
    return withProperties(measured);
  }

  /** The same agent with other {@code -D} options, for the pre-flight. */
  List<String> withProperties(List<String> otherProperties) {
    if (agentJar == null) {
      return Collections.emptyList();
    }
    List<String> args = new ArrayList<>();
    args.add("-javaagent:" + agentJar);
    args.addAll(otherProperties);
    return args;
  }

  static Path requiredFile(String property) {
    String value = System.getProperty(property);
    if (value == null || !Files.isRegularFile(Paths.get(value))) {
      throw new IllegalStateException(
          "-D"
              + property
              + " must name an existing file (got "
              + value
              + "); build the agent"
              + " first: mvn -q -DskipTests -Popenai-benchmark"
              + " -pl instrumentation/openai-java-benchmarks -am package");
    }
    return Paths.get(value).toAbsolutePath().normalize();
  }
}
