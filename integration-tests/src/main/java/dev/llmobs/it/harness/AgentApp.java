package dev.llmobs.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an application's main class in a JVM of its own under an agent jar, exporting spans to an
 * {@link OtlpReceiver}: how an operator runs an app with llmobs. Waits for it to end (it is killed
 * past the timeout, so nothing is left behind) and returns what it printed.
 */
public final class AgentApp {

  private AgentApp() {}

  /**
   * @param agentJar the agent ({@code -javaagent})
   * @param classpath the application's classpath
   * @param serviceName its {@code otel.service.name}
   * @param properties further system properties (metrics exporter, content capture, ...)
   * @param output where its output goes (and is read back from)
   */
  public static List<String> run(
      Path agentJar,
      String classpath,
      OtlpReceiver receiver,
      String serviceName,
      Map<String, String> properties,
      Path output,
      String mainClass,
      String... args)
      throws IOException, InterruptedException {
    Files.createDirectories(output.toAbsolutePath().getParent());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-javaagent:" + agentJar);
    command.add("-Dotel.service.name=" + serviceName);
    command.add("-Dotel.exporter.otlp.endpoint=" + receiver.endpoint());
    command.add("-Dotel.exporter.otlp.protocol=http/protobuf");
    command.add("-Dotel.bsp.schedule.delay=200");
    command.add("-Dotel.metrics.exporter=none");
    command.add("-Dotel.logs.exporter=none");
    // Later -D options win: the caller's override the defaults above.
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(Arrays.asList(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException(mainClass + " did not end within 120 s; see " + output);
      }
    } finally {
      process.destroyForcibly();
    }
    List<String> lines = Files.readAllLines(output);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          mainClass + " exited with " + process.exitValue() + ":\n" + String.join("\n", lines));
    }
    return lines;
  }
}
