package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmobs.it.harness.AgentGateway;
import dev.llmobs.it.harness.ExtensionCli;
import dev.llmobs.it.harness.GatewayProcess;
import dev.llmobs.it.harness.OtlpReceiver;
import dev.llmobs.it.harness.PrometheusScrape;
import dev.llmobs.it.harness.Promtool;
import dev.llmobs.it.harness.ReceivedLogRecord;
import dev.llmobs.it.harness.ReceivedSpan;
import dev.llmobs.it.harness.RecordingUpstream;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What an operator gets from one gateway JVM with the llmobs agent, the way they run it: metrics
 * scraped from the agent's Prometheus exporter and from the gateway's own {@code /metrics} (both
 * checked by {@code promtool}), traces and log records over OTLP, the gateway's JSON logs, and what
 * reached the upstream, seen by a recording proxy in front of the simulator. The client and
 * upstream keys are real-looking secrets handed over in environment variables, and content capture
 * is off: the last test checks that none of it left the process. One JVM for all checks; the order
 * matters only for the cardinality cap (late) and the secrets sweep (last).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorViewIT {

  static final ObjectMapper json = new ObjectMapper();
  static final String CLIENT_KEY = "client-key-" + UUID.randomUUID();
  static final String UPSTREAM_KEY = "sk-upstream-" + UUID.randomUUID();
  static final String PROMPT_MARKER = "prompt-marker-" + UUID.randomUUID();
  // A request carrying this is answered 400 by the recording proxy, quoting the whole request.
  static final String QUOTED_ERROR_MARKER = "quote-me-" + UUID.randomUUID();
  // A tool result the simulator echoes into its completion.
  static final String TOOL_RESULT_MARKER = "tool-result-marker-" + UUID.randomUUID();
  static final String CLAUDE = "claude-sonnet-4-20250514";
  static final int LABEL_CAP = 20;

  /**
   * Lint complaints of {@code promtool check metrics} about series llmobs does not make, each with
   * its reason; any other complaint fails the test, and none may be about a GenAI or llmobs series.
   */
  static final Map<String, String> FOREIGN_LINT_PROBLEMS =
      Map.ofEntries(
          Map.entry("jvm_class_count", "upstream agent's JVM metric jvm.class.count: _count"),
          Map.entry("jvm_cpu_count", "upstream agent's JVM metric jvm.cpu.count: _count"),
          Map.entry("jvm_thread_count", "upstream agent's JVM metric jvm.thread.count: _count"),
          Map.entry("target_info", "the SDK's Prometheus exporter writes it without HELP"),
          // The SDK's own "legacy" self-metrics (the default otel.experimental.sdk.telemetry
          // .version): camelCase names and labels, no HELP.
          Map.entry("processedSpans_total", "SDK batch span processor, camelCase"),
          Map.entry("processedLogs_total", "SDK batch log record processor, camelCase"),
          Map.entry("queueSize", "SDK batch processors' queue, camelCase"),
          Map.entry("otlp_exporter_seen_total", "SDK OTLP exporter, no HELP"),
          Map.entry("otlp_exporter_exported_total", "SDK OTLP exporter, no HELP"),
          // The gateway's own Micrometer registry.
          Map.entry("process_cpu_time_ns_total", "Micrometer's process.cpu.time: unit ns"),
          Map.entry("system_cpu_count", "Micrometer's system.cpu.count: _count"));

  static RecordingUpstream upstream;
  static AgentGateway agentGateway;
  static GatewayProcess gateway;
  static OtlpReceiver receiver;
  static Path usageFile;
  // Completion texts the gateway returned; the secrets sweep looks for them.
  static final List<String> completions = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    int simulatorPort = GatewayProcess.freePort();
    upstream = RecordingUpstream.start(URI.create("http://127.0.0.1:" + simulatorPort));
    usageFile = AgentGateway.workDir().resolve("operator-view/usage.jsonl");
    Files.deleteIfExists(usageFile);
    agentGateway =
        AgentGateway.start(
            "operator-view",
            options ->
                options
                    .prometheus()
                    .systemProperty(
                        "otel.instrumentation.genai.cost.baggage-labels", "tenant,feature")
                    .systemProperty(
                        "otel.instrumentation.genai.metrics.max-label-values",
                        Integer.toString(LABEL_CAP))
                    .systemProperty("otel.instrumentation.genai.usage.file", usageFile.toString())
                    .systemProperty(
                        "otel.instrumentation.http.server.capture-response-headers", "X-Request-ID")
                    // OpenAI calls go through the recording proxy to the embedded simulator,
                    // which still serves Anthropic directly.
                    .systemProperty("gateway.openai.base-url", upstream.baseUrl() + "/v1")
                    .systemProperty("gateway.simulator.port", Integer.toString(simulatorPort))
                    .systemProperty("gateway.upstream.max-retries", "0")
                    // Secrets as environment variables: system properties would be exported in
                    // the process.command_args resource attribute by the upstream agent.
                    .environment("GATEWAY_OPENAI_API_KEY", UPSTREAM_KEY)
                    .environment("GATEWAY_AUTH_KEYS", CLIENT_KEY));
    gateway = agentGateway.gateway();
    receiver = agentGateway.receiver();
  }

  @AfterAll
  static void stop() {
    if (agentGateway != null) {
      agentGateway.close();
    }
    if (upstream != null) {
      upstream.close();
    }
  }

  static String chatBody(String model, boolean stream, String prompt) {
    return "{\"model\":\""
        + model
        + "\",\"stream\":"
        + stream
        + (stream ? ",\"stream_options\":{\"include_usage\":true}" : "")
        + ",\"messages\":[{\"role\":\"user\",\"content\":\""
        + prompt
        + "\"}]}";
  }

  /** A chat completion with the client key; {@code headers} are name, value pairs. */
  static HttpResponse<String> chat(String model, boolean stream, String... headers)
      throws Exception {
    List<String> all = new ArrayList<>(List.of("Authorization", "Bearer " + CLIENT_KEY));
    all.addAll(List.of(headers));
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            // Unique: the simulator gives the same prompt the same response id.
            chatBody(model, stream, PROMPT_MARKER + " " + UUID.randomUUID()),
            all.toArray(new String[0]));
    if (response.statusCode() == 200 && !stream) {
      completions.add(
          json.readTree(response.body())
              .path("choices")
              .path(0)
              .path("message")
              .path("content")
              .asText());
    }
    return response;
  }

  /** The id of a successful chat completion. */
  static String responseId(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body()).path("id").asText();
  }

  static Map<String, String> labels(String... pairs) {
    Map<String, String> labels = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      labels.put(pairs[i], pairs[i + 1]);
    }
    return labels;
  }

  /** Scrapes the agent until {@code ready} holds (spans of streams end just after the answer). */
  static PrometheusScrape awaitAgentScrape(Predicate<PrometheusScrape> ready) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    PrometheusScrape scrape = gateway.scrapeAgent();
    while (!ready.test(scrape) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      scrape = gateway.scrapeAgent();
    }
    return scrape;
  }

  @Test
  @Order(1)
  void prometheusSeriesMatchTheRequestsSentAndPassPromtool() throws Exception {
    PrometheusScrape gatewayBefore = gateway.scrapeGateway();
    String baggage = "tenant=acme,feature=prom-series";
    assertThat(
            chat(
                    "gpt-4o-mini",
                    false,
                    "baggage",
                    baggage,
                    "x-sim-usage",
                    "input=100,cached=40,output=20")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            chat(
                    "gpt-4o-mini",
                    true,
                    "baggage",
                    baggage,
                    "x-sim-usage",
                    "input=50,output=10",
                    "x-sim-chunks",
                    "5")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            chat(CLAUDE, false, "baggage", baggage, "x-sim-usage", "input=200,output=30")
                .statusCode())
        .isEqualTo(200);
    assertThat(chat("gpt-4o", false, "baggage", baggage, "x-sim-error", "429").statusCode())
        .isEqualTo(429);

    // A slow stream in flight shows in the active-requests gauge.
    CompletableFuture<HttpResponse<String>> slow =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return chat(
                    "gpt-4o-mini",
                    true,
                    "baggage",
                    "tenant=acme,feature=prom-active",
                    "x-sim-latency-ms",
                    "3000");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Map<String, String> active = labels("feature", "prom-active");
    PrometheusScrape during =
        awaitAgentScrape(s -> s.sum("gen_ai_client_active_requests", active) >= 1);
    assertThat(during.sum("gen_ai_client_active_requests", active)).isEqualTo(1);
    assertThat(slow.get().statusCode()).isEqualTo(200);

    Map<String, String> prom = labels("feature", "prom-series", "tenant", "acme");
    PrometheusScrape agent =
        awaitAgentScrape(
            s ->
                s.sum("gen_ai_client_operation_duration_seconds_count", prom) == 4
                    && s.sum("gen_ai_client_active_requests", active) == 0);

    // Tokens: what the simulator was told to report, by model and type.
    Map<String, String> mini =
        labels("feature", "prom-series", "gen_ai_request_model", "gpt-4o-mini");
    Map<String, String> claude = labels("feature", "prom-series", "gen_ai_request_model", CLAUDE);
    assertThat(agent.sum("gen_ai_client_token_usage_sum", with(mini, "gen_ai_token_type", "input")))
        .isEqualTo(150);
    assertThat(
            agent.sum("gen_ai_client_token_usage_sum", with(mini, "gen_ai_token_type", "output")))
        .isEqualTo(30);
    assertThat(
            agent.sum("gen_ai_client_token_usage_count", with(mini, "gen_ai_token_type", "input")))
        .isEqualTo(2);
    assertThat(
            agent.sum("gen_ai_client_token_usage_sum", with(claude, "gen_ai_token_type", "input")))
        .isEqualTo(200);
    assertThat(agent.sum("gen_ai_client_token_cache_read_total", prom)).isEqualTo(40);
    // Duration of every call, the failed one by its error.type.
    assertThat(agent.sum("gen_ai_client_operation_duration_seconds_count", prom)).isEqualTo(4);
    assertThat(
            agent.sum(
                "gen_ai_client_operation_duration_seconds_count",
                with(prom, "error_type", "rate_limited")))
        .isEqualTo(1);
    assertThat(
            agent.sum("gen_ai_client_operation_duration_seconds_bucket", with(prom, "le", "+Inf")))
        .isEqualTo(4);
    // The latency SLO rules count calls within 10.24 s: that bucket bound must be there as is.
    assertThat(agent.labelValues("gen_ai_client_operation_duration_seconds_bucket", "le"))
        .contains("10.24");
    // Streaming: time to first chunk and chunks of the one stream.
    assertThat(agent.sum("gen_ai_client_operation_time_to_first_chunk_seconds_count", prom))
        .isEqualTo(1);
    assertThat(agent.sum("gen_ai_client_operation_chunks_total", prom)).isEqualTo(5);
    // Nothing left in flight.
    assertThat(agent.samples("gen_ai_client_active_requests"))
        .allSatisfy(s -> assertThat(s.value()).isZero());

    // Cost: the three calls with usage, each as the CLI prices it.
    ExtensionCli cli = new ExtensionCli(GatewayProcess.requiredFile("llmobs.extension.jar"));
    double expected =
        Double.parseDouble(cli.cost("openai", "gpt-4o-mini", 100, 40, 20, 0))
            + Double.parseDouble(cli.cost("openai", "gpt-4o-mini", 50, 0, 10, 0))
            + Double.parseDouble(cli.cost("anthropic", CLAUDE, 200, 0, 30, 0));
    assertThat(agent.sum("gen_ai_client_cost_USD_total", prom)).isCloseTo(expected, within(1e-12));
    assertThat(agent.sum("gen_ai_client_operation_cost_USD_count", prom)).isEqualTo(3);
    assertThat(agent.sum("gen_ai_client_operation_cost_USD_sum", prom))
        .isCloseTo(expected, within(1e-12));

    // The gateway's own /metrics counted the same five requests.
    PrometheusScrape gatewayAfter = gateway.scrapeGateway();
    Map<String, String> ok = labels("path", "/v1/chat/completions", "status", "200");
    Map<String, String> limited = labels("path", "/v1/chat/completions", "status", "429");
    assertThat(
            gatewayAfter.sum("http_requests_total", ok)
                - gatewayBefore.sum("http_requests_total", ok))
        .isEqualTo(4);
    assertThat(
            gatewayAfter.sum("http_requests_total", limited)
                - gatewayBefore.sum("http_requests_total", limited))
        .isEqualTo(1);

    Optional<Promtool> promtool = Promtool.find();
    assumeTrue(promtool.isPresent(), Promtool.missingReason());
    assertPromtoolPasses(promtool.get(), agent, "the agent's Prometheus exporter");
    assertPromtoolPasses(promtool.get(), gatewayAfter, "the gateway's /metrics");
  }

  static Map<String, String> with(Map<String, String> labels, String name, String value) {
    Map<String, String> result = new HashMap<>(labels);
    result.put(name, value);
    return result;
  }

  static void assertPromtoolPasses(Promtool promtool, PrometheusScrape scrape, String what)
      throws Exception {
    Promtool.Result result = promtool.checkMetrics(scrape.text());
    assertThat(result.exitCode())
        .as("promtool check metrics on %s: %s", what, result.output())
        .isIn(0, Promtool.LINT_PROBLEMS);
    assertThat(result.lintProblems())
        .as("promtool on %s", what)
        .allSatisfy(
            problem -> {
              assertThat(problem.metric()).doesNotStartWith("gen_ai").doesNotStartWith("llmobs");
              assertThat(FOREIGN_LINT_PROBLEMS).containsKey(problem.metric());
            });
  }

  @Test
  @Order(2)
  void incomingTraceparentIsContinuedUpToTheUpstream() throws Exception {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String parentId = traceId.substring(0, 16);
    HttpResponse<String> response =
        chat(
            "gpt-4o-mini",
            false,
            "traceparent",
            "00-" + traceId + "-" + parentId + "-01",
            "baggage",
            "tenant=acme,feature=trace");
    String responseId = responseId(response);
    List<ReceivedSpan> spans = ChatTraces.await(receiver, responseId);
    ReceivedSpan chat = ChatTraces.chatSpan(spans, responseId).orElseThrow();
    ReceivedSpan server = ChatTraces.serverSpanOf(spans, chat).orElseThrow();
    assertThat(server.traceId()).isEqualTo(traceId);
    assertThat(server.parentSpanId()).isEqualTo(parentId);
    ReceivedSpan http =
        spans.stream()
            .filter(s -> s.parentSpanId().equals(chat.spanId()))
            .filter(s -> s.kind() == Span.SpanKind.SPAN_KIND_CLIENT)
            .findFirst()
            .orElseThrow();

    // What went on the wire to the provider: the same trace, the SDK's HTTP span as parent.
    RecordingUpstream.RecordedRequest sent =
        upstream.requests().stream()
            .filter(r -> r.header("traceparent") != null)
            .filter(r -> r.header("traceparent").contains(traceId))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no upstream request of trace " + traceId));
    assertThat(sent.path()).isEqualTo("/v1/chat/completions");
    assertThat(sent.header("traceparent")).isEqualTo("00-" + traceId + "-" + http.spanId() + "-01");
    // W3C baggage travels on too (the agent's default propagators): never put secrets in it.
    assertThat(sent.header("baggage")).contains("tenant=acme");
    // The key the gateway was given reaches the upstream, and only there (see the last test).
    assertThat(sent.header("authorization")).isEqualTo("Bearer " + UPSTREAM_KEY);
  }

  @Test
  @Order(3)
  void gatewayLogLinesCarryRequestAndTraceIdsOfTheExportedSpans() throws Exception {
    String requestId = "it-logs-" + UUID.randomUUID();
    HttpResponse<String> response = chat("gpt-4o-mini", false, "X-Request-ID", requestId);
    String responseId = responseId(response);
    assertThat(response.headers().firstValue("X-Request-ID")).contains(requestId);
    List<ReceivedSpan> spans = ChatTraces.await(receiver, responseId);
    ReceivedSpan chat = ChatTraces.chatSpan(spans, responseId).orElseThrow();
    ReceivedSpan server = ChatTraces.serverSpanOf(spans, chat).orElseThrow();
    assertThat(server.attribute("http.response.header.x-request-id")).isEqualTo(List.of(requestId));

    JsonNode line = awaitLogLine(requestId);
    assertThat(line.path("message").asText()).isEqualTo("request completed");
    assertThat(line.path("trace_id").asText()).isEqualTo(server.traceId());
    assertThat(line.path("span_id").asText()).isEqualTo(server.spanId());
    assertThat(line.path("http_status").asInt()).isEqualTo(200);
    // Logged after the provider call: the request's totals and the last call's provider and
    // model (README "Request totals"), the very numbers on the spans; nothing else of gen_ai.*.
    List<String> fields = new ArrayList<>();
    line.fieldNames().forEachRemaining(fields::add);
    assertThat(fields.stream().filter(f -> f.startsWith("gen_ai.")))
        .containsExactlyInAnyOrder(
            "gen_ai.provider.name",
            "gen_ai.request.model",
            "gen_ai.usage.input_tokens",
            "gen_ai.usage.output_tokens",
            "gen_ai.usage.cost.amount");
    assertThat(line.path("llmobs.request.gen_ai.calls").asText()).isEqualTo("1");
    assertThat(line.path("gen_ai.provider.name").asText()).isEqualTo("openai");
    assertThat(line.path("gen_ai.request.model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(line.path("gen_ai.usage.input_tokens").asLong())
        .isEqualTo(chat.attribute("gen_ai.usage.input_tokens"));
    assertThat(line.path("gen_ai.usage.output_tokens").asLong())
        .isEqualTo(chat.attribute("gen_ai.usage.output_tokens"));
    assertThat(Double.parseDouble(line.path("gen_ai.usage.cost.amount").asText()))
        .isCloseTo((Double) chat.attribute("gen_ai.usage.cost.amount"), within(1e-12));
    assertThat(server.attribute("llmobs.request.gen_ai.calls")).isEqualTo(1L);

    // The agent also exports the same line as an OTel log record, in the same span (the MDC's
    // request_id is not copied there unless logback-appender's capture-mdc-attributes says so).
    Predicate<ReceivedLogRecord> sameLine =
        l -> l.body().equals("request completed") && l.traceId().equals(server.traceId());
    List<ReceivedLogRecord> records =
        receiver.awaitLogRecords(r -> r.stream().anyMatch(sameLine), Duration.ofSeconds(30));
    ReceivedLogRecord record = records.stream().filter(sameLine).findFirst().orElseThrow();
    assertThat(record.spanId()).isEqualTo(server.spanId());
    assertThat(record.scopeName()).isEqualTo("dev.llmobs.gateway.access");
  }

  static JsonNode awaitLogLine(String requestId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      Optional<JsonNode> line =
          gateway.jsonLogLines().stream()
              .filter(l -> requestId.equals(l.path("request_id").asText()))
              .filter(l -> l.path("message").asText().equals("request completed"))
              .findFirst();
      if (line.isPresent()) {
        return line.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no 'request completed' line for " + requestId);
      }
      Thread.sleep(100);
    }
  }

  @Test
  @Order(4)
  void usageEventsArriveAsOtlpLogRecordsInTheCallsSpanAndBaggageBecomesSpanAttributes()
      throws Exception {
    HttpResponse<String> response =
        chat(
            "gpt-4o-mini",
            false,
            "baggage",
            "tenant=globex,feature=usage-events,user=u-42",
            "x-sim-usage",
            "input=70,cached=20,output=9");
    String responseId = responseId(response);
    List<ReceivedSpan> spans = ChatTraces.await(receiver, responseId);
    ReceivedSpan chat = ChatTraces.chatSpan(spans, responseId).orElseThrow();

    // The configured baggage entries are attributes of the GenAI span, and only those.
    assertThat(chat.attributes())
        .containsEntry("tenant", "globex")
        .containsEntry("feature", "usage-events")
        .doesNotContainKey("user");
    assertThat(ChatTraces.serverSpanOf(spans, chat).orElseThrow().attributes())
        .doesNotContainKey("tenant");

    List<ReceivedLogRecord> records =
        receiver.awaitLogRecords(
            r -> usageRecord(r, responseId).isPresent(), Duration.ofSeconds(30));
    ReceivedLogRecord usage = usageRecord(records, responseId).orElseThrow();
    assertThat(usage.scopeName()).isEqualTo("dev.llmobs.genai.usage");
    assertThat(usage.traceId()).isEqualTo(chat.traceId());
    assertThat(usage.spanId()).isEqualTo(chat.spanId());
    assertThat(usage.sampled()).isTrue();
    assertThat(usage.attributes())
        .containsEntry("gen_ai.operation.name", "chat")
        .containsEntry("gen_ai.provider.name", "openai")
        .containsEntry("gen_ai.request.model", "gpt-4o-mini")
        .containsEntry("gen_ai.usage.input_tokens", 70L)
        .containsEntry("gen_ai.usage.cache_read.input_tokens", 20L)
        .containsEntry("gen_ai.usage.output_tokens", 9L)
        .containsEntry("gen_ai.usage.cost.amount", chat.attribute("gen_ai.usage.cost.amount"))
        .containsEntry("llmobs.usage.tenant", "globex")
        .containsEntry("llmobs.usage.outcome", "success");
  }

  static Optional<ReceivedLogRecord> usageRecord(List<ReceivedLogRecord> records, String id) {
    return records.stream()
        .filter(r -> r.eventName().equals("gen_ai.usage"))
        .filter(r -> id.equals(r.attribute("gen_ai.response.id")))
        .findFirst();
  }

  @Test
  @Order(90)
  void randomModelNamesAndBaggageValuesCannotExplodeTheSeries() throws Exception {
    // More distinct model names and tenants than the cap; they are unpriced, too.
    String run = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < LABEL_CAP + 10; i++) {
      HttpResponse<String> response =
          chat(
              "gpt-random-" + run + "-" + i,
              false,
              "baggage",
              "tenant=t-" + run + "-" + i + ",feature=cardinality");
      assertThat(response.statusCode()).isEqualTo(200);
    }
    Map<String, String> cardinality = labels("feature", "cardinality");
    PrometheusScrape agent =
        awaitAgentScrape(
            s ->
                s.sum("gen_ai_client_operation_duration_seconds_count", cardinality)
                    == LABEL_CAP + 10);
    List<String> allLabels = List.of("gen_ai_request_model", "gen_ai_response_model", "tenant");
    Map<String, List<String>> cappedLabels =
        Map.of(
            "gen_ai_client_operation_duration_seconds_count", allLabels,
            "gen_ai_client_token_usage_count", allLabels,
            "gen_ai_client_cost_unpriced_total", allLabels,
            // Labelled when the call starts: there is no response model yet.
            "gen_ai_client_active_requests", List.of("gen_ai_request_model", "tenant"));
    cappedLabels.forEach(
        (metric, names) -> {
          for (String label : names) {
            Set<String> values = agent.labelValues(metric, label);
            assertThat(values).as(metric + " " + label).contains("_OTHER");
            assertThat(values.stream().filter(v -> !v.equals("_OTHER")))
                .as(metric + " " + label)
                .hasSizeLessThanOrEqualTo(LABEL_CAP);
          }
        });
    // Every call is still counted, under _OTHER when its value did not fit.
    assertThat(agent.sum("gen_ai_client_cost_unpriced_total", cardinality))
        .isEqualTo(LABEL_CAP + 10);
    // The span keeps the real name.
    String last = "gpt-random-" + run + "-" + (LABEL_CAP + 9);
    receiver.awaitSpans(
        s -> s.stream().anyMatch(span -> last.equals(span.attribute("gen_ai.request.model"))),
        Duration.ofSeconds(30));
  }

  @Test
  @Order(95)
  void dashboardAndRulesUseOnlySeriesOfARealScrape() throws Exception {
    // A stored Responses turn, so that the store panels' series exist too.
    HttpResponse<String> stored =
        gateway.postJson(
            "/v1/responses",
            "{\"model\":\"gpt-4.1\",\"input\":\"" + PROMPT_MARKER + " stored\"}",
            "Authorization",
            "Bearer " + CLIENT_KEY);
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
    Set<String> scraped =
        awaitAgentScrape(
                scrape -> scrape.names().contains("llmobs_store_operation_duration_seconds_bucket"))
            .names();
    OpsAssets assets = OpsAssets.load();
    Set<String> missing =
        assets.dashboardMetricNames().stream()
            .filter(name -> !scraped.contains(name))
            .filter(name -> !assets.recordedNames().contains(name))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(missing).as("dashboard metric names not in the scrape").isEmpty();
    Set<String> rulesMissing =
        assets.ruleSourceMetricNames().stream()
            .filter(name -> !scraped.contains(name))
            .filter(name -> !assets.recordedNames().contains(name))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(rulesMissing).as("rule metric names not in the scrape").isEmpty();
  }

  @Test
  @Order(97)
  void providerErrorsQuotingThePromptAndEchoingCompletionsAreSwept() throws Exception {
    upstream.rejectQuotingRequestsContaining(QUOTED_ERROR_MARKER);
    for (boolean stream : new boolean[] {false, true}) {
      HttpResponse<String> rejected =
          gateway.postJson(
              "/v1/chat/completions",
              chatBody("gpt-4o-mini", stream, PROMPT_MARKER + " " + QUOTED_ERROR_MARKER),
              "Authorization",
              "Bearer " + CLIENT_KEY);
      assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(400);
      assertThat(rejected.body()).doesNotContain(PROMPT_MARKER);
    }
    // Positive control: the provider did answer both with its error quoting the prompt.
    assertThat(upstream.rejectedQuoting()).isEqualTo(2);
    // The failed calls' spans have an exception event (the type, not the provider's text).
    List<ReceivedSpan> failed =
        receiver.awaitSpans(spans -> rejectedCalls(spans).size() >= 2, Duration.ofSeconds(30));
    assertThat(rejectedCalls(failed))
        .allSatisfy(
            span ->
                assertThat(span.span().getEventsList())
                    .anySatisfy(event -> assertThat(event.getName()).isEqualTo("exception")));

    // Completions that echo client text: the simulator quotes a tool result back, plain and
    // streamed.
    for (boolean stream : new boolean[] {false, true}) {
      HttpResponse<String> echoed =
          gateway.postJson(
              "/v1/chat/completions",
              "{\"model\":\"gpt-4o-mini\",\"stream\":"
                  + stream
                  + ",\"messages\":[{\"role\":\"user\",\"content\":\""
                  + PROMPT_MARKER
                  + " look it up\"},{\"role\":\"assistant\",\"content\":null,\"tool_calls\":"
                  + "[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"lookup\","
                  + "\"arguments\":\"{}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"c1\","
                  + "\"content\":\""
                  + TOOL_RESULT_MARKER
                  + "\"}]}",
              "Authorization",
              "Bearer " + CLIENT_KEY);
      assertThat(echoed.statusCode()).as(echoed.body()).isEqualTo(200);
      String completion = stream ? streamedText(echoed.body()) : messageText(echoed.body());
      assertThat(completion).contains(TOOL_RESULT_MARKER);
      completions.add(completion);
    }
  }

  /** GenAI spans of calls the provider rejected with a 400. */
  static List<ReceivedSpan> rejectedCalls(List<ReceivedSpan> spans) {
    return spans.stream()
        .filter(span -> span.scopeName().equals("dev.llmobs.genai"))
        .filter(span -> "400".equals(span.attribute("error.type")))
        .collect(Collectors.toList());
  }

  static String messageText(String body) throws Exception {
    return json.readTree(body).path("choices").path(0).path("message").path("content").asText();
  }

  /** The content deltas of an SSE chat stream, joined. */
  static String streamedText(String body) throws Exception {
    StringBuilder text = new StringBuilder();
    for (String line : body.split("\n")) {
      if (line.startsWith("data: {")) {
        text.append(
            json.readTree(line.substring(6))
                .path("choices")
                .path(0)
                .path("delta")
                .path("content")
                .asText(""));
      }
    }
    return text.toString();
  }

  @Test
  @Order(100)
  void noKeyPromptOrCompletionLeavesTheProcess() throws Exception {
    assertThat(completions).isNotEmpty().allSatisfy(c -> assertThat(c).isNotBlank());
    // Positive control: the secrets were in play (the client sent its key, the upstream got its).
    assertThat(upstream.requests())
        .anySatisfy(r -> assertThat(r.header("authorization")).contains(UPSTREAM_KEY));
    assertThat(upstream.requests()).isNotEmpty();
    // Let the last batches of spans and logs arrive.
    receiver.awaitSpans(s -> !s.isEmpty(), Duration.ofSeconds(5));
    Thread.sleep(1500);

    Map<String, String> captured = new LinkedHashMap<>();
    captured.put("OTLP spans, metrics and log records", receiver.allReceivedText());
    captured.put("agent Prometheus scrape", gateway.scrapeAgent().text());
    captured.put("gateway /metrics", gateway.scrapeGateway().text());
    captured.put("gateway output (JSON logs and agent log)", gateway.logText());
    captured.put("usage events file", Files.readString(usageFile));
    assertThat(captured.get("OTLP spans, metrics and log records")).contains("gen_ai.usage");
    assertThat(captured.get("usage events file")).contains("\"trace_id\"");
    for (Map.Entry<String, String> signal : captured.entrySet()) {
      assertThat(signal.getValue())
          .as(signal.getKey())
          .doesNotContain(CLIENT_KEY)
          .doesNotContain(UPSTREAM_KEY)
          .doesNotContainIgnoringCase("bearer ")
          .doesNotContain(PROMPT_MARKER)
          .doesNotContain(QUOTED_ERROR_MARKER)
          .doesNotContain(TOOL_RESULT_MARKER);
      for (String completion : completions) {
        assertThat(signal.getValue()).as(signal.getKey()).doesNotContain(completion);
      }
    }
  }
}
