package dev.llmobs.it.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.function.Consumer;

/**
 * The usual set-up of an integration test: an in-test OTLP receiver and the gateway jar in its own
 * JVM with the llmobs agent jar exporting to it, its output in {@code <work dir>/gateway-NAME.log}.
 * Tests add their options; closing stops both.
 */
public final class AgentGateway implements AutoCloseable {

  private final OtlpReceiver receiver;
  private final GatewayProcess gateway;

  private AgentGateway(OtlpReceiver receiver, GatewayProcess gateway) {
    this.receiver = receiver;
    this.gateway = gateway;
  }

  /** Where tests and the demo keep what they leave behind (logs, usage files). */
  public static Path workDir() {
    return Paths.get(System.getProperty("llmobs.work.dir", "target/it-work"));
  }

  public static AgentGateway start(String name, Consumer<GatewayProcess.Builder> options)
      throws IOException, InterruptedException {
    OtlpReceiver receiver = OtlpReceiver.start();
    try {
      GatewayProcess.Builder builder =
          GatewayProcess.builder(GatewayProcess.requiredFile("llmobs.gateway.jar"))
              .javaagent(GatewayProcess.requiredFile("llmobs.agent.jar"))
              .exportTo(receiver)
              .logFile(workDir().resolve("gateway-" + name + ".log"));
      options.accept(builder);
      return new AgentGateway(receiver, builder.start());
    } catch (IOException | InterruptedException | RuntimeException e) {
      receiver.close();
      throw e;
    }
  }

  public OtlpReceiver receiver() {
    return receiver;
  }

  public GatewayProcess gateway() {
    return gateway;
  }

  @Override
  public void close() {
    gateway.close();
    receiver.close();
  }
}
