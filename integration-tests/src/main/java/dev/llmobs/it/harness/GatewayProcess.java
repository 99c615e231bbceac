package dev.llmobs.it.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

  private static final ObjectMapper json = new ObjectMapper();

  private final Process process;
  private final int port;
  private final int prometheusPort;
  private final Path log;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private GatewayProcess(Process process, int port, int prometheusPort, Path log) {
    this.process = process;
    this.port = port;
    this.prometheusPort = prometheusPort;
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
    private final Map<String, String> environment = new LinkedHashMap<>();
    private boolean prometheus;
    private Path logFile;

    private Builder(Path gatewayJar) {
      this.gatewayJar = gatewayJar;
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

    /**
     * An environment variable of the gateway JVM: the way to hand it a secret, since system
     * properties show in the agent's {@code process.command_args} resource attribute.
     */
    public Builder environment(String name, String value) {
      environment.put(name, value);
      return this;
    }

    /**
     * The agent's Prometheus exporter on a free loopback port ({@link #scrapeAgent()}), as the only
     * metrics exporter unless {@code otel.metrics.exporter} is set afterwards (e.g. {@code
     * otlp,prometheus}).
     */
    public Builder prometheus() {
      prometheus = true;
      return systemProperty("otel.metrics.exporter", "prometheus");
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
      int prometheusPort = prometheus ? freePort() : -1;
      if (prometheus) {
        command.add("-Dotel.exporter.prometheus.host=127.0.0.1");
        command.add("-Dotel.exporter.prometheus.port=" + prometheusPort);
      }
      systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
      command.add("-jar");
      command.add(gatewayJar.toString());
      ProcessBuilder processBuilder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      processBuilder.environment().putAll(environment);
      Process process = processBuilder.start();
      GatewayProcess gateway = new GatewayProcess(process, port, prometheusPort, log);
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

  /** The agent's Prometheus exporter, now; needs {@link Builder#prometheus()}. */
  public PrometheusScrape scrapeAgent() throws IOException, InterruptedException {
    if (prometheusPort < 0) {
      throw new IllegalStateException("started without Builder.prometheus()");
    }
    return PrometheusScrape.get(URI.create("http://127.0.0.1:" + prometheusPort + "/metrics"));
  }

  /** The gateway's own {@code /metrics}, now. */
  public PrometheusScrape scrapeGateway() throws IOException, InterruptedException {
    return PrometheusScrape.get(uri("/metrics"));
  }

  public Path logFile() {
    return log;
  }

  /**
   * The gateway's JSON log lines so far, parsed (the agent's own lines on the same output are plain
   * text and left out).
   */
  public List<JsonNode> jsonLogLines() {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : logText().split("\\R")) {
      if (line.startsWith("{")) {
        try {
          lines.add(json.readTree(line));
        } catch (IOException notJson) {
          // a line cut by the process still writing it
        }
      }
    }
    return lines;
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

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
