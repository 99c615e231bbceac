package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientImpl;
import com.openai.client.okhttp.OkHttpClient;
import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpResponse;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.responses.ResponseCreateParams;
import com.sun.net.httpserver.HttpServer;
import dev.llmobs.it.harness.AgentGateway;
import dev.llmobs.it.harness.GatewayProcess;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The real llmobs agent (upstream 2.31.1 with our extension) on a small application that logs with
 * Logback and Log4j 2 while openai-java calls run and after them: the upstream agent's trace_id and
 * span_id and our gen_ai.* keys side by side in both libraries' rendered lines.
 */
class LogMdcIT {

  static final String KEYS =
      "trace_id=%X{trace_id} span_id=%X{span_id} provider=%X{gen_ai.provider.name}"
          + " model=%X{gen_ai.request.model} conversation=%X{gen_ai.conversation.id}"
          + " app=%X{app} msg=%m%n";

  @Test
  void logbackAndLog4jLinesCarryTraceAndGenAiKeysDuringTheCallOnly() throws Exception {
    List<String> lines = runApp("enabled");

    for (String library : Arrays.asList("LOGBACK", "LOG4J")) {
      Map<String, String> during = line(lines, library, "sending POST [chat, completions]");
      assertThat(during.get("trace_id")).as(library).matches("[0-9a-f]{32}");
      assertThat(during.get("span_id")).as(library).matches("[0-9a-f]{16}");
      assertThat(during)
          .as(library)
          .containsEntry("provider", "openai")
          .containsEntry("model", "gpt-4o-mini")
          .containsEntry("conversation", "")
          .containsEntry("app", "a1");

      Map<String, String> after = line(lines, library, "after the call");
      assertThat(after)
          .as(library)
          .containsEntry("trace_id", "")
          .containsEntry("provider", "")
          .containsEntry("model", "")
          .containsEntry("app", "a1");

      Map<String, String> responses = line(lines, library, "sending POST [responses]");
      assertThat(responses)
          .as(library)
          .containsEntry("provider", "openai")
          .containsEntry("model", "gpt-4.1")
          .containsEntry("conversation", "resp_1");
    }
    // Both libraries name the same span: the GenAI call's.
    assertThat(line(lines, "LOG4J", "sending POST [chat, completions]").get("span_id"))
        .isEqualTo(line(lines, "LOGBACK", "sending POST [chat, completions]").get("span_id"));
  }

  @Test
  void theTwoOptionsTurnTheKeysOffAndLeaveUpstreamsTraceIds() throws Exception {
    List<String> lines =
        runApp(
            "disabled",
            "-Dotel.instrumentation.llmobs-logback-mdc.enabled=false",
            "-Dotel.instrumentation.llmobs-log4j-context-data.enabled=false");
    for (String library : Arrays.asList("LOGBACK", "LOG4J")) {
      Map<String, String> during = line(lines, library, "sending POST [chat, completions]");
      assertThat(during.get("trace_id")).as(library).matches("[0-9a-f]{32}");
      assertThat(during).as(library).containsEntry("provider", "").containsEntry("model", "");
    }
  }

  /** Runs {@link App} with the real agent and returns what it printed. */
  static List<String> runApp(String name, String... jvmOptions) throws Exception {
    Path work = Files.createDirectories(AgentGateway.workDir());
    Path log4jConfig = work.resolve("log4j2-mdc-it.xml");
    Files.write(
        log4jConfig,
        ("<Configuration status=\"warn\"><Appenders><Console name=\"out\" target=\"SYSTEM_OUT\">"
                + "<PatternLayout pattern=\"LOG4J "
                + KEYS
                + "\"/></Console></Appenders><Loggers><Root level=\"info\">"
                + "<AppenderRef ref=\"out\"/></Root></Loggers></Configuration>")
            .getBytes(StandardCharsets.UTF_8));
    Path output = work.resolve("log-mdc-app-" + name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(jvmOptions));
    command.addAll(
        Arrays.asList(
            "-javaagent:" + GatewayProcess.requiredFile("llmobs.agent.jar"),
            "-Dotel.traces.exporter=none",
            "-Dotel.metrics.exporter=none",
            "-Dotel.logs.exporter=none",
            "-Dlog4j2.configurationFile=" + log4jConfig,
            "-cp",
            System.getProperty("java.class.path"),
            App.class.getName()));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("app finished").isTrue();
    List<String> lines = Files.readAllLines(output);
    assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
    return lines;
  }

  /** The key=value pairs of the one line of {@code library} whose message is {@code message}. */
  static Map<String, String> line(List<String> lines, String library, String message) {
    List<String> matching =
        lines.stream()
            .filter(l -> l.startsWith(library + " ") && l.endsWith(" msg=" + message))
            .collect(Collectors.toList());
    assertThat(matching)
        .as(library + " '" + message + "' in\n" + String.join("\n", lines))
        .hasSize(1);
    Map<String, String> pairs = new LinkedHashMap<>();
    String rest = matching.get(0).substring(library.length() + 1);
    rest = rest.substring(0, rest.indexOf(" msg="));
    for (String pair : rest.split(" ")) {
      int eq = pair.indexOf('=');
      pairs.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return pairs;
  }

  /** The application: a local fake OpenAI server and a client whose HTTP requests are logged. */
  public static final class App {

    static final String PATTERN = "LOGBACK " + KEYS;

    public static void main(String[] args) throws Exception {
      configureLogback();
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/v1/chat/completions", exchange -> answer(exchange, CHAT));
      server.createContext("/v1/responses", exchange -> answer(exchange, RESPONSE));
      server.start();
      OpenAIClient client =
          new OpenAIClientImpl(
              ClientOptions.builder()
                  .httpClient(new LoggingHttpClient(OkHttpClient.builder().build()))
                  .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
                  .apiKey("sk-it")
                  .maxRetries(0)
                  .build());
      try {
        MDC.put("app", "a1");
        ThreadContext.put("app", "a1");
        client
            .chat()
            .completions()
            .create(
                ChatCompletionCreateParams.builder()
                    .model("gpt-4o-mini")
                    .addUserMessage("hi")
                    .build());
        log("after the call");
        MDC.clear();
        ThreadContext.clearMap();
        client
            .responses()
            .create(
                ResponseCreateParams.builder()
                    .model("gpt-4.1")
                    .input("And then?")
                    .previousResponseId("resp_1")
                    .build());
      } finally {
        client.close();
        server.stop(0);
      }
    }

    static void log(String message) {
      LoggerFactory.getLogger("app").info(message);
      LogManager.getLogger("app").info(message);
    }

    static void configureLogback() {
      ch.qos.logback.classic.LoggerContext context =
          (ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory();
      context.reset();
      ch.qos.logback.classic.encoder.PatternLayoutEncoder encoder =
          new ch.qos.logback.classic.encoder.PatternLayoutEncoder();
      encoder.setContext(context);
      encoder.setPattern(PATTERN);
      encoder.start();
      ch.qos.logback.core.ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> console =
          new ch.qos.logback.core.ConsoleAppender<>();
      console.setContext(context);
      console.setEncoder(encoder);
      console.start();
      ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      root.setLevel(ch.qos.logback.classic.Level.INFO);
      root.addAppender(console);
      context.getLogger("okhttp3").setLevel(ch.qos.logback.classic.Level.WARN);
    }

    static final String CHAT =
        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
            + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":"
            + "{\"role\":\"assistant\",\"content\":\"Hello\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}";
    static final String RESPONSE =
        "{\"id\":\"resp_2\",\"object\":\"response\",\"created_at\":1700000000,"
            + "\"model\":\"gpt-4.1\",\"status\":\"completed\",\"output\":[],"
            + "\"parallel_tool_calls\":true,\"tool_choice\":\"auto\",\"tools\":[]}";

    static void answer(com.sun.net.httpserver.HttpExchange exchange, String body)
        throws java.io.IOException {
      exchange.getRequestBody().readAllBytes();
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** Logs each request on the calling thread with both libraries, then lets OkHttp send it. */
  static final class LoggingHttpClient implements HttpClient {
    private final HttpClient delegate;

    LoggingHttpClient(HttpClient delegate) {
      this.delegate = delegate;
    }

    @Override
    public HttpResponse execute(HttpRequest request, RequestOptions options) {
      App.log("sending " + request.method() + " " + request.pathSegments());
      return delegate.execute(request, options);
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(
        HttpRequest request, RequestOptions options) {
      App.log("sending " + request.method() + " " + request.pathSegments());
      return delegate.executeAsync(request, options);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
