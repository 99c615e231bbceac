package dev.llmobs.instrumentation.mcp;

import static dev.llmobs.instrumentation.mcp.McpKeys.METHOD;
import static dev.llmobs.instrumentation.mcp.McpKeys.REQUEST_ID;
import static dev.llmobs.instrumentation.mcp.McpKeys.SESSION_ID;
import static dev.llmobs.instrumentation.mcp.McpKeys.TOOL_NAME;
import static dev.llmobs.instrumentation.mcp.McpKeys.TRANSPORT;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.testing.junit.AgentInstrumentationExtension;
import io.opentelemetry.instrumentation.testing.junit.InstrumentationExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An MCP client in this JVM and a server over stdio in a child JVM that the client's transport
 * starts. The child runs under the stock OpenTelemetry agent with our extension and exports its
 * spans with the {@code logging-otlp} exporter to its stderr, which the client's transport hands to
 * this test: so the server's SERVER span is seen as an operator would get it, and the trace is
 * shown to continue across processes through {@code _meta} alone.
 */
class McpStdioTest {

  @RegisterExtension
  static final InstrumentationExtension testing = AgentInstrumentationExtension.create();

  static final List<String> childStderr = new CopyOnWriteArrayList<>();
  static McpSyncClient client;

  @BeforeAll
  static void startServerProcess() throws Exception {
    String stockAgent = System.getProperty("mcp.test.stock-agent");
    String extension = System.getProperty("mcp.test.extension");
    assertThat(Path.of(stockAgent)).exists();
    assertThat(Path.of(extension)).exists();
    ServerParameters parameters =
        ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString())
            .args(
                "-javaagent:" + stockAgent,
                "-Dotel.javaagent.extensions=" + extension,
                "-Dotel.service.name=mcp-stdio-server",
                "-Dotel.traces.exporter=logging-otlp",
                "-Dotel.metrics.exporter=none",
                "-Dotel.logs.exporter=none",
                "-Dotel.bsp.schedule.delay=100",
                // stdout is the MCP channel: the server's own logging goes to stderr.
                "-Dlogback.configurationFile=" + stderrLogging(),
                "-cp",
                System.getProperty("java.class.path"),
                StdioServerMain.class.getName())
            .build();
    StdioClientTransport transport =
        new StdioClientTransport(parameters, McpJsonDefaults.getMapper());
    transport.setStdErrorHandler(childStderr::add);
    client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(90))
            .initializationTimeout(Duration.ofSeconds(90))
            .build();
    client.initialize();
  }

  @AfterAll
  static void stopServerProcess() {
    if (client != null) {
      client.closeGracefully();
    }
  }

  @Test
  void theServerInTheChildProcessContinuesTheClientsTrace() throws Exception {
    testing.runWithSpan(
        "agent",
        () ->
            client.callTool(
                new McpSchema.CallToolRequest("get_weather", McpTestServer.city("Oslo"))));

    SpanData clientSpan = McpSpans.one(testing, "tools/call get_weather", SpanKind.CLIENT);
    assertThat(clientSpan.getAttributes().get(TRANSPORT)).isEqualTo("pipe");
    assertThat(clientSpan.getAttributes().get(TOOL_NAME)).isEqualTo("get_weather");
    assertThat(clientSpan.getAttributes().get(REQUEST_ID)).isNotBlank();
    // Over stdio there is no session id the client could know.
    assertThat(clientSpan.getAttributes().get(SESSION_ID)).isNull();

    Map<String, Object> serverSpan = awaitChildSpan("tools/call get_weather");
    assertThat(serverSpan.get("traceId")).isEqualTo(clientSpan.getTraceId());
    assertThat(serverSpan.get("parentSpanId")).isEqualTo(clientSpan.getSpanId());
    assertThat(OtlpJsonSpans.kind(serverSpan)).isEqualTo(OtlpJsonSpans.SERVER);
    Map<String, String> attributes = OtlpJsonSpans.attributes(serverSpan);
    assertThat(attributes)
        .containsEntry(METHOD.getKey(), "tools/call")
        .containsEntry(TOOL_NAME.getKey(), "get_weather")
        .containsEntry(TRANSPORT.getKey(), "pipe")
        .containsEntry(REQUEST_ID.getKey(), clientSpan.getAttributes().get(REQUEST_ID));
    assertThat(attributes.get(SESSION_ID.getKey())).isNotBlank();

    // The tool's own work runs under the server span (Reactor context propagation of the stock
    // agent carries it to the thread the SDK runs the tool on).
    Map<String, Object> toolWork = awaitChildSpan("tool-work");
    assertThat(toolWork.get("parentSpanId")).isEqualTo(serverSpan.get("spanId"));
  }

  private static String stderrLogging() throws Exception {
    Path config = Files.createTempFile("mcp-stdio-logback", ".xml");
    Files.writeString(
        config,
        "<configuration><appender name=\"err\" class=\"ch.qos.logback.core.ConsoleAppender\">"
            + "<target>System.err</target><encoder><pattern>%level %logger - %msg%n</pattern>"
            + "</encoder></appender><root level=\"WARN\"><appender-ref ref=\"err\"/></root>"
            + "</configuration>");
    config.toFile().deleteOnExit();
    return config.toString();
  }

  private static Map<String, Object> awaitChildSpan(String name) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      for (Map<String, Object> span : OtlpJsonSpans.parse(childStderr)) {
        if (name.equals(span.get("name"))) {
          return span;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "no span '" + name + "' in the child's stderr:\n" + String.join("\n", childStderr));
  }
}
