package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmobs.it.harness.GatewayProcess;
import dev.llmobs.it.harness.OtlpReceiver;
import dev.llmobs.it.harness.ReceivedSpan;
import dev.llmobs.it.harness.SpanTree;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The gateway's conversation store under the real llmobs agent, with no OpenTelemetry code in the
 * gateway: only {@code otel.instrumentation.genai.stores} (the harness's default). A Responses
 * follow-up with {@code previous_response_id} is one trace: the HTTP server span, the store's
 * {@code get} (with upstream's JDBC or Redis span beneath it), the chat span carrying the
 * conversation id, the store's {@code update}; the request's totals are on the server span and in
 * the gateway's "request completed" log line; the store metrics are on the agent's Prometheus
 * exporter.
 */
class StoreTracingIT {

  static final ObjectMapper JSON = new ObjectMapper();

  static Path workDir() {
    return Paths.get(System.getProperty("llmobs.work.dir", "target/it-work"));
  }

  @Test
  void followUpOnH2() throws Exception {
    Path database = workDir().resolve("stores-it-" + UUID.randomUUID()).toAbsolutePath();
    followUp("jdbc", "jdbc:h2:file:" + database, "h2");
  }

  @Test
  void followUpOnPostgres() throws Exception {
    String url =
        env("LLMOBS_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    assumeReachable("PostgreSQL", url, 5432);
    followUp("jdbc", url, "postgresql");
  }

  @Test
  void followUpOnRedis() throws Exception {
    String url = env("LLMOBS_TEST_REDIS_URL", "redis://127.0.0.1:6379");
    assumeReachable("Redis", url, 6379);
    followUp("redis", url, "redis");
  }

  void followUp(String store, String storeUrl, String dbSystem) throws Exception {
    int prometheusPort = GatewayProcess.freePort();
    try (OtlpReceiver receiver = OtlpReceiver.start();
        GatewayProcess gateway =
            GatewayProcess.builder(GatewayProcess.requiredFile("llmobs.gateway.jar"))
                .javaagent(GatewayProcess.requiredFile("llmobs.agent.jar"))
                .exportTo(receiver)
                .systemProperty("otel.metrics.exporter", "prometheus")
                .systemProperty("otel.exporter.prometheus.host", "127.0.0.1")
                .systemProperty("otel.exporter.prometheus.port", Integer.toString(prometheusPort))
                .systemProperty("otel.logs.exporter", "none")
                .systemProperty("gateway.store", store)
                .systemProperty("gateway.store.url", storeUrl)
                .logFile(workDir().resolve("gateway-stores-" + dbSystem + ".log"))
                .start()) {
      String first =
          responseId(
              gateway.postJson(
                  "/v1/responses", "{\"model\":\"gpt-4.1\",\"input\":\"Remember the number 7.\"}"));
      HttpResponse<String> followUp =
          gateway.postJson(
              "/v1/responses",
              "{\"model\":\"gpt-4.1\",\"input\":\"Which number?\",\"previous_response_id\":\""
                  + first
                  + "\"}");
      String second = responseId(followUp);
      JsonNode usage = JSON.readTree(followUp.body()).path("usage");

      List<ReceivedSpan> spans =
          receiver.awaitSpans(
              s ->
                  chat(s, second).isPresent()
                      && server(s, chat(s, second).get()).isPresent()
                      && named(s, chat(s, second).get().traceId(), "update ConversationStore")
                          .isPresent(),
              Duration.ofSeconds(30));
      ReceivedSpan chat = chat(spans, second).orElseThrow();
      ReceivedSpan server = server(spans, chat).orElseThrow();
      List<ReceivedSpan> trace =
          spans.stream()
              .filter(s -> s.traceId().equals(chat.traceId()))
              .collect(Collectors.toList());
      ReceivedSpan get = named(spans, chat.traceId(), "get ConversationStore").orElseThrow();
      ReceivedSpan update = named(spans, chat.traceId(), "update ConversationStore").orElseThrow();

      String tree = SpanTree.render(trace);
      // HTTP span -> store get (with the database's span beneath) -> chat -> store update.
      assertThat(server.name()).as(tree).isEqualTo("POST /v1/responses");
      assertThat(get.parentSpanId()).as(tree).isEqualTo(server.spanId());
      assertThat(chat.parentSpanId()).as(tree).isEqualTo(server.spanId());
      assertThat(update.parentSpanId()).as(tree).isEqualTo(server.spanId());
      assertThat(get.span().getStartTimeUnixNano()).isLessThan(chat.span().getStartTimeUnixNano());
      assertThat(chat.span().getEndTimeUnixNano())
          .isLessThanOrEqualTo(update.span().getStartTimeUnixNano());
      assertThat(trace)
          .as("a %s span beneath the store's get\n%s", dbSystem, tree)
          .anySatisfy(
              child -> {
                assertThat(child.parentSpanId()).isEqualTo(get.spanId());
                assertThat(child.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
                assertThat(
                        child
                            .attributes()
                            .getOrDefault("db.system.name", child.attributes().get("db.system")))
                    .isEqualTo(dbSystem);
              });
      assertThat(get.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_INTERNAL);
      assertThat(get.attributes())
          .containsEntry("llmobs.store.operation", "get")
          .containsEntry("llmobs.store.name", "ConversationStore")
          .containsEntry("llmobs.store.backend", store)
          .containsEntry("gen_ai.conversation.id", first);
      assertThat(chat.attributes())
          .as("the chat span carries the conversation the store read")
          .containsEntry("gen_ai.conversation.id", first);
      assertThat(update.attributes())
          .containsEntry("llmobs.store.operation", "update")
          .containsEntry("llmobs.store.backend", store)
          .containsEntry("gen_ai.conversation.id", second);
      // The request's totals on the server span.
      assertThat(server.attributes())
          .containsEntry("llmobs.request.gen_ai.calls", 1L)
          .containsEntry(
              "llmobs.request.gen_ai.usage.input_tokens", usage.path("input_tokens").asLong())
          .containsEntry(
              "llmobs.request.gen_ai.usage.output_tokens", usage.path("output_tokens").asLong());
      assertThat((Double) server.attribute("llmobs.request.gen_ai.usage.cost.amount"))
          .isCloseTo((Double) chat.attribute("gen_ai.usage.cost.amount"), within(1e-12));

      // The gateway's access log line of that request.
      JsonNode completed = accessLine(gateway, chat.traceId());
      assertThat(completed.path("http_route").asText()).isEqualTo("/v1/responses");
      assertThat(completed.path("gen_ai.provider.name").asText()).isEqualTo("openai");
      assertThat(completed.path("gen_ai.request.model").asText()).isEqualTo("gpt-4.1");
      assertThat(completed.path("gen_ai.conversation.id").asText()).isEqualTo(second);
      assertThat(completed.path("llmobs.request.gen_ai.calls").asText()).isEqualTo("1");
      assertThat(completed.path("gen_ai.usage.input_tokens").asText())
          .isEqualTo(usage.path("input_tokens").asText());
      assertThat(completed.path("gen_ai.usage.output_tokens").asText())
          .isEqualTo(usage.path("output_tokens").asText());
      assertThat(Double.parseDouble(completed.path("gen_ai.usage.cost.amount").asText()))
          .isCloseTo((Double) chat.attribute("gen_ai.usage.cost.amount"), within(1e-12));
      assertThat(completed.path("request_id").asText()).isNotEmpty();

      // The store metrics on the agent's Prometheus exporter.
      String metrics = scrape(prometheusPort, "llmobs_conversations_active");
      assertThat(metrics)
          .containsPattern(
              "llmobs_store_operation_duration_seconds_count\\{[^}]*llmobs_store_backend=\""
                  + store
                  + "\"[^}]*llmobs_store_name=\"ConversationStore\"[^}]*llmobs_store_operation=\"get\"")
          .containsPattern(
              "llmobs_store_operation_duration_seconds_bucket\\{[^}]*llmobs_store_operation=\"update\"")
          .doesNotContain(first)
          .doesNotContain(second);
      Matcher active =
          Pattern.compile("(?m)^llmobs_conversations_active\\{[^}]*\\} (\\S+)").matcher(metrics);
      assertThat(active.find()).as(metrics).isTrue();
      assertThat(Double.parseDouble(active.group(1))).isGreaterThanOrEqualTo(2);

      // Clean up what this test stored (shared databases).
      delete(gateway, "/v1/responses/" + second);
      delete(gateway, "/v1/responses/" + first);
    }
  }

  static void delete(GatewayProcess gateway, String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(gateway.uri(path)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  static String responseId(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).path("id").asText();
  }

  static Optional<ReceivedSpan> chat(List<ReceivedSpan> spans, String responseId) {
    return spans.stream()
        .filter(s -> s.attributes().containsKey("gen_ai.operation.name"))
        .filter(s -> responseId.equals(s.attribute("gen_ai.response.id")))
        .findFirst();
  }

  static Optional<ReceivedSpan> server(List<ReceivedSpan> spans, ReceivedSpan child) {
    return spans.stream()
        .filter(s -> s.spanId().equals(child.parentSpanId()))
        .filter(s -> s.kind() == Span.SpanKind.SPAN_KIND_SERVER)
        .findFirst();
  }

  static Optional<ReceivedSpan> named(List<ReceivedSpan> spans, String traceId, String name) {
    return spans.stream()
        .filter(s -> s.traceId().equals(traceId) && s.name().equals(name))
        .min(Comparator.comparingLong(s -> s.span().getStartTimeUnixNano()));
  }

  static JsonNode accessLine(GatewayProcess gateway, String traceId) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      for (String line : gateway.logText().split("\n")) {
        if (line.startsWith("{")
            && line.contains("\"request completed\"")
            && line.contains(traceId)) {
          JsonNode json = JSON.readTree(line);
          if (traceId.equals(json.path("trace_id").asText())) {
            return json;
          }
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "no 'request completed' line of trace " + traceId + " in:\n" + gateway.logText());
      }
      Thread.sleep(100);
    }
  }

  static String scrape(int port, String mustContain) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String body = "";
    while (System.nanoTime() < deadline) {
      try {
        body =
            http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        if (body.contains(mustContain)) {
          return body;
        }
      } catch (IOException notYet) {
        // the exporter starts with the SDK
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no " + mustContain + " on the Prometheus exporter:\n" + body);
  }

  static void assumeReachable(String what, String url, int defaultPort) {
    Matcher hostPort = Pattern.compile("//(?:[^@/]*@)?([^:/?]+)(?::(\\d+))?").matcher(url);
    String host = hostPort.find() ? hostPort.group(1) : "127.0.0.1";
    int port = hostPort.group(2) != null ? Integer.parseInt(hostPort.group(2)) : defaultPort;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2000);
    } catch (IOException e) {
      Assumptions.abort(
          what + " not reachable at " + host + ":" + port + " (" + e.getMessage() + ")");
    }
  }

  static String env(String name, String defaultValue) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? defaultValue : value;
  }
}
