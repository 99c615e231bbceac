package dev.llmobs.it.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
          + "[get=get,create=update,append=update,delete=delete;id=0.id],"
          + "dev.llmobs.gateway.cache.ResponseCache[lookup=cache_get,store=update]";

  private final Process process;
  private final int port;
  private final Path log;
  private final long startupNanos;
  private final int prometheusPort;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static final ObjectMapper json = new ObjectMapper();

  private GatewayProcess(
      Process process, int port, int prometheusPort, Path log, long startupNanos) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.startupNanos = startupNanos;
    this.prometheusPort = prometheusPort;
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
    private final List<String> jvmArgs = new ArrayList<>();
    private boolean prometheus;
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Path logFile;

    private Builder(Path gatewayJar) {
      this.gatewayJar = gatewayJar;
      systemProperties.put(STORES_PROPERTY, GATEWAY_STORES);
    }

    public Builder javaagent(Path agentJar) {
      this.javaagent = agentJar;
      return this;
    }

    /** A JVM option such as {@code -Xmx256m}; system properties have their own method. */
    public Builder jvmArg(String option) {
      jvmArgs.add(option);
      return this;
    }

    public Builder systemProperty(String key, String value) {
      systemProperties.put(key, value);
      return this;
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

    /** Sends all three signals of the agent to {@code receiver}, exported quickly. */
    public Builder exportTo(OtlpReceiver receiver) {
      return exportTo(receiver.endpoint());
    }

    /** Sends all three signals of the agent to an OTLP/HTTP endpoint, exported quickly. */
    public Builder exportTo(String otlpEndpoint) {
      return systemProperty("otel.exporter.otlp.endpoint", otlpEndpoint)
          .systemProperty("otel.exporter.otlp.protocol", "http/protobuf")
          .systemProperty("otel.bsp.schedule.delay", "200")
          .systemProperty("otel.metric.export.interval", "1000")
          .systemProperty("otel.blrp.schedule.delay", "200");
    }

    /** Both providers' upstream is {@code simulator} instead of the embedded one. */
    public Builder upstream(SimulatorProcess simulator) {
      return systemProperty("gateway.openai.base-url", simulator.openAiBaseUrl())
          .systemProperty("gateway.openai.api-key", "sk-simulator")
          .systemProperty("gateway.anthropic.base-url", simulator.anthropicBaseUrl())
          .systemProperty("gateway.anthropic.api-key", "sk-simulator");
    }

    public Builder logFile(Path logFile) {
      this.logFile = logFile;
      return this;
    }

    public GatewayProcess start() throws IOException, InterruptedException {
      int port = Jvms.freePort();
      Path log = logFile != null ? logFile : Files.createTempFile("gateway", ".log");
      List<String> command = new ArrayList<>();
      command.add(Jvms.java());
      if (javaagent != null) {
        command.add("-javaagent:" + javaagent);
      }
      command.addAll(jvmArgs);
      int prometheusPort = prometheus ? Jvms.freePort() : -1;
      if (prometheus) {
        command.add("-Dotel.exporter.prometheus.host=127.0.0.1");
        command.add("-Dotel.exporter.prometheus.port=" + prometheusPort);
      }
      command.add("-Dgateway.port=" + port);
      systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
      command.add("-jar");
      command.add(gatewayJar.toString());
      long launched = System.nanoTime();
      Process process = Jvms.start(command, environment, log);
      Jvms.awaitOk(
          process,
          URI.create("http://127.0.0.1:" + port + "/health"),
          Duration.ofSeconds(90),
          () -> Jvms.read(log));
      return new GatewayProcess(process, port, prometheusPort, log, System.nanoTime() - launched);
    }
  }

  public int port() {
    return port;
  }

  /** From launching the JVM to the first 200 from {@code /health}, polled every 10 ms. */
  public Duration startupTime() {
    return Duration.ofNanos(startupNanos);
  }

  /** CPU time, resident memory and live heap of the gateway's JVM. */
  public JvmProbe probe() {
    return new JvmProbe(process.pid());
  }

  public boolean isAlive() {
    return process.isAlive();
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
    HttpRequest.Builder request = post(path, json);
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

  public static int freePort() throws IOException {
    return Jvms.freePort();
  }

  /** A JSON POST to the gateway, to send with any client (as load does). */
  public HttpRequest.Builder post(String path, String json) {
    return HttpRequest.newBuilder(uri(path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  public Path logFile() {
    return log;
  }

  public String logText() {
    return Jvms.read(log);
  }

  @Override
  public void close() {
    Jvms.stop(process);
  }
}
