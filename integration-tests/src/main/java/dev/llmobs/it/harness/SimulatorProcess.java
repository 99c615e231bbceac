package dev.llmobs.it.harness;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The gateway's upstream simulator alone in a JVM of its own, with no agent: so that, in a
 * benchmark, the gateway's CPU time and an agent's overhead are the gateway's only.
 */
public final class SimulatorProcess implements AutoCloseable {

  private final Process process;
  private final int port;

  private SimulatorProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts {@code dev.llmobs.gateway.simulator.UpstreamSimulator} from the gateway jar. */
  public static SimulatorProcess start(Path gatewayJar, Path log)
      throws IOException, InterruptedException {
    int port = Jvms.freePort();
    Process process =
        Jvms.start(
            List.of(
                Jvms.java(),
                "-cp",
                gatewayJar.toString(),
                "dev.llmobs.gateway.simulator.UpstreamSimulator",
                Integer.toString(port)),
            Map.of(),
            log);
    Jvms.awaitOk(
        process,
        URI.create("http://127.0.0.1:" + port + "/v1/models"),
        Duration.ofSeconds(60),
        () -> Jvms.read(log));
    return new SimulatorProcess(process, port);
  }

  /** The base URL for the gateway's {@code gateway.openai.base-url}. */
  public String openAiBaseUrl() {
    return "http://127.0.0.1:" + port + "/v1";
  }

  /** The base URL for the gateway's {@code gateway.anthropic.base-url}. */
  public String anthropicBaseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public JvmProbe probe() {
    return new JvmProbe(process.pid());
  }

  @Override
  public void close() {
    Jvms.stop(process);
  }
}
