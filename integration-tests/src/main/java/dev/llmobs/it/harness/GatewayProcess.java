package dev.llmobs.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The gateway jar running in a JVM of its own, optionally with a Java agent attached. */
public final class GatewayProcess implements AutoCloseable {

  /**
   * The gateway's conversation store as llmobs store spans, by configuration alone (the gateway has
   * no OpenTelemetry code): a completed turn is saved as a new snapshot under the new response id
   * ({@code create}), which to an operator is the conversation's update; the conversation id is the
   * id argument, or the id of the {@code Conversation} being saved. Every gateway the harness
   * starts has it (a builder can override it).
   */
  public static final String STORES_PROPERTY = "otel.instrumentation.genai.stores";

  public static final String GATEWAY_STORES =
      "dev.llmobs.gateway.store.ConversationStore"
          + "[get=get,create=update,append=update,delete=delete;id=0.id]";

  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private GatewayProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Reads a path handed to the test JVM as a system property and checks the file exists. */
  public static Path requiredFile(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException("system property " + property + " is not set");
    }
    Path path = Paths.get(value).toAbsolutePath().normalize();
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(
          property + "=" + path + " does not exist; build with 'mvn package' first");
    }
    return path;
  }

  public static Builder builder(Path gatewayJar) {
    return new Builder(gatewayJar);
  }

  public static final class Builder {
    private final Path gatewayJar;
    private Path javaagent;
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private Path logFile;

    private Builder(Path gatewayJar) {
      this.gatewayJar = gatewayJar;
      systemProperties.put(STORES_PROPERTY, GATEWAY_STORES);
    }

    public Builder javaagent(Path agentJar) {
      this.javaagent = agentJar;
      return this;
    }

    public Builder systemProperty(String key, String value) {
      systemProperties.put(key, value);
      return this;
    }

    /** Sends all three signals of the agent to {@code receiver}, exported quickly. */
    public Builder exportTo(OtlpReceiver receiver) {
      return systemProperty("otel.exporter.otlp.endpoint", receiver.endpoint())
          .systemProperty("otel.exporter.otlp.protocol", "http/protobuf")
          .systemProperty("otel.bsp.schedule.delay", "200")
          .systemProperty("otel.metric.export.interval", "1000")
          .systemProperty("otel.blrp.schedule.delay", "200");
    }

    public Builder logFile(Path logFile) {
      this.logFile = logFile;
      return this;
    }

    public GatewayProcess start() throws IOException, InterruptedException {
      int port = freePort();
      Path log = logFile != null ? logFile : Files.createTempFile("gateway", ".log");
      Files.createDirectories(log.toAbsolutePath().getParent());
      List<String> command = new ArrayList<>();
      command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
      if (javaagent != null) {
        command.add("-javaagent:" + javaagent);
      }
      command.add("-Dgateway.port=" + port);
      systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
      command.add("-jar");
      command.add(gatewayJar.toString());
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      GatewayProcess gateway = new GatewayProcess(process, port, log);
      gateway.awaitHealthy(Duration.ofSeconds(90));
      return gateway;
    }
  }

  private void awaitHealthy(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "gateway exited with " + process.exitValue() + "; log:\n" + logText());
      }
      try {
        if (get("/health").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    close();
    throw new IllegalStateException(
        "gateway not healthy within " + timeout + "; log:\n" + logText());
  }

  public int port() {
    return port;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> postJson(String path, String json, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public Path logFile() {
    return log;
  }

  public String logText() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  // The OS may hand a port just released out again: two ports picked here for one gateway (its
  // own and the agent's Prometheus exporter's) must differ.
  private static final java.util.Set<Integer> handedOut =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** A free loopback port, never one this JVM handed out before. */
  public static int freePort() throws IOException {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0)) {
        if (handedOut.add(socket.getLocalPort())) {
          return socket.getLocalPort();
        }
      }
    }
  }
}
