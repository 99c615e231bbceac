package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmobs.gateway.RawHttp;
import dev.llmobs.gateway.fuzz.HostileRequests;
import dev.llmobs.gateway.fuzz.HostileRequests.Hostile;
import dev.llmobs.it.harness.AgentGateway;
import dev.llmobs.it.harness.GatewayProcess;
import dev.llmobs.it.harness.OtlpReceiver;
import dev.llmobs.it.harness.PrometheusScrape;
import dev.llmobs.it.harness.ReceivedLogRecord;
import dev.llmobs.it.harness.ReceivedMetricPoint;
import dev.llmobs.it.harness.ReceivedSpan;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The gateway fuzz test's 1,000 seeded hostile requests (truncated and deeply nested JSON, wrong
 * types for every field, huge strings, bad UTF-8 and charsets, huge and CR/LF-laden model names,
 * oversized headers, bad paths and framing), sent to the gateway under the llmobs agent, with
 * hostile W3C baggage and a flood of distinct model names the gateway routes: every request gets a
 * 4xx with the OpenAI error body (or a 2xx when it is in fact valid), never a 5xx; the gateway
 * still serves; no string the agent exports is over the documented cap of 256 characters; no line
 * of the process's output is forged; and the metric series stay bounded by the label cap while a
 * real model's series count every one of its calls.
 */
class HostileInputIT {

  static final long SEED = 20_260_118L + 18;
  static final int REQUESTS = 1_000;
  static final int LABEL_CAP = 20;
  static final int FLOOD = 2 * LABEL_CAP;

  /** README: request-derived strings are capped at 256 characters (marker included). */
  static final int STRING_CAP = 256;

  static final List<String> MODELS =
      List.of("gpt-4o-mini", "o3-mini", "claude-haiku-4-5", "gemini-2.5-flash");

  /** A real model no hostile request names: its series must count exactly its own calls. */
  static final String REAL_MODEL = "gpt-4.1-mini";

  static final String FORGED_LINE = "{\"level\":\"ERROR\",\"message\":\"forged\"}";
  static final ObjectMapper json = new ObjectMapper();

  @Test
  void hostileInputGets4xxAndLeavesTheAgentsOutputBounded() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    try (AgentGateway agentGateway =
        AgentGateway.start(
            "hostile-input",
            options ->
                options
                    .prometheus()
                    .systemProperty("otel.metrics.exporter", "otlp,prometheus")
                    .systemProperty(
                        "otel.instrumentation.genai.metrics.max-label-values",
                        Integer.toString(LABEL_CAP))
                    .systemProperty("otel.instrumentation.genai.cost.baggage-labels", "tenant")
                    .systemProperty("gateway.upstream.max-retries", "0"))) {
      GatewayProcess gateway = agentGateway.gateway();
      OtlpReceiver receiver = agentGateway.receiver();

      // The real model's series exist before anything hostile arrives.
      for (int i = 0; i < 3; i++) {
        assertOk(chat(gateway, REAL_MODEL));
      }

      List<Hostile> requests =
          new HostileRequests(SEED, HostileRequests.gatewayEndpoints(), MODELS, false)
              .generate(REQUESTS);
      Map<String, Integer> statuses = new TreeMap<>();
      List<String> failures = new ArrayList<>();
      int clientErrors = 0;
      for (Hostile request : requests) {
        RawHttp.Answer answer = RawHttp.send(gateway.port(), request.head(), request.body());
        statuses.merge(request.kind() + " " + answer.status(), 1, Integer::sum);
        String problem = HostileRequests.problem(answer);
        if (problem != null) {
          failures.add(problem + " <- " + request.describe());
        } else if (answer.status() >= 400) {
          clientErrors++;
        }
      }
      System.out.println("hostile requests by kind and status: " + statuses);
      assertThat(failures).as("hostile requests answered wrongly").isEmpty();
      assertThat(clientErrors).as("4xx answers").isGreaterThan(REQUESTS / 2);

      // Hostile baggage reaches the agent as it is (the gateway does not read it): huge values,
      // CR/LF that would forge a line, and more distinct tenants than the label cap.
      for (int i = 0; i < FLOOD; i++) {
        String tenant =
            switch (i % 3) {
              case 0 -> "\r\n" + FORGED_LINE + "\r\n" + i;
              case 1 -> "t".repeat(6_000) + i;
              default -> "tenant-" + run + "-" + i;
            };
        assertOk(
            chat(
                gateway,
                MODELS.get(i % MODELS.size()),
                "baggage",
                "tenant=" + URLEncoder.encode(tenant, StandardCharsets.UTF_8)));
      }
      // A flood of distinct model names that the gateway routes to OpenAI.
      for (int i = 0; i < FLOOD; i++) {
        assertOk(chat(gateway, "gpt-flood-" + run + "-" + i));
      }
      for (int i = 0; i < 3; i++) {
        assertOk(chat(gateway, REAL_MODEL));
      }

      // Still healthy: every provider still answers.
      assertThat(gateway.get("/health").statusCode()).isEqualTo(200);
      for (String model : MODELS) {
        assertOk(chat(gateway, model));
      }

      PrometheusScrape agent = awaitRealModelCalls(gateway, 6);
      assertSeriesBounded(agent, run);
      assertExportedStringsCapped(receiver, agent);
      assertNoForgedLine(gateway);
    }
  }

  static HttpResponse<String> chat(GatewayProcess gateway, String model, String... headers)
      throws Exception {
    return gateway.postJson(
        "/v1/chat/completions",
        "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
        headers);
  }

  static void assertOk(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  static PrometheusScrape awaitRealModelCalls(GatewayProcess gateway, int calls) throws Exception {
    Map<String, String> real = Map.of("gen_ai_request_model", REAL_MODEL);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    PrometheusScrape scrape = gateway.scrapeAgent();
    while (scrape.sum("gen_ai_client_operation_duration_seconds_count", real) < calls
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
      scrape = gateway.scrapeAgent();
    }
    return scrape;
  }

  /**
   * At most LABEL_CAP values per client-fed label, the rest under _OTHER; the real model intact.
   */
  static void assertSeriesBounded(PrometheusScrape agent, String run) {
    Map<String, String> real = Map.of("gen_ai_request_model", REAL_MODEL);
    assertThat(agent.sum("gen_ai_client_operation_duration_seconds_count", real)).isEqualTo(6);
    assertThat(
            agent.sum(
                "gen_ai_client_token_usage_count",
                Map.of("gen_ai_request_model", REAL_MODEL, "gen_ai_token_type", "input")))
        .isEqualTo(6);
    for (String metric :
        List.of(
            "gen_ai_client_operation_duration_seconds_count",
            "gen_ai_client_token_usage_count",
            "gen_ai_client_cost_unpriced_total")) {
      for (String label : List.of("gen_ai_request_model", "gen_ai_response_model", "tenant")) {
        Set<String> values = agent.labelValues(metric, label);
        assertThat(values.stream().filter(v -> !v.equals("_OTHER")))
            .as(metric + " " + label)
            .hasSizeLessThanOrEqualTo(LABEL_CAP);
      }
    }
    Set<String> models =
        agent.labelValues("gen_ai_client_operation_duration_seconds_count", "gen_ai_request_model");
    assertThat(models).contains("_OTHER", REAL_MODEL);
    assertThat(models.stream().filter(m -> m.startsWith("gpt-flood-" + run)))
        .as("flood models kept before the cap filled")
        .hasSizeLessThan(FLOOD);
    assertThat(agent.labelValues("gen_ai_client_operation_duration_seconds_count", "tenant"))
        .contains("_OTHER");
    // Every flood call is still counted, under _OTHER when its name did not fit.
    assertThat(
            agent.sum("gen_ai_client_cost_unpriced_total", Map.of("gen_ai_request_model", "_OTHER"))
                + agent
                    .labelValues("gen_ai_client_cost_unpriced_total", "gen_ai_request_model")
                    .stream()
                    .filter(m -> m.startsWith("gpt-flood-" + run))
                    .mapToDouble(
                        m ->
                            agent.sum(
                                "gen_ai_client_cost_unpriced_total",
                                Map.of("gen_ai_request_model", m)))
                    .sum())
        .isGreaterThanOrEqualTo(FLOOD);
  }

  /**
   * Span names, llmobs' own attributes (and the {@code gen_ai.*}, {@code llmobs.*} and
   * baggage-label attributes it sets on other spans), every metric label and llmobs' log records
   * stay within the cap. Upstream instrumentations' own attributes (such as the server span's
   * {@code url.path}) are theirs, not in this contract.
   */
  static void assertExportedStringsCapped(OtlpReceiver receiver, PrometheusScrape agent)
      throws Exception {
    receiver.awaitSpans(
        spans ->
            spans.stream().anyMatch(s -> REAL_MODEL.equals(s.attribute("gen_ai.request.model"))),
        Duration.ofSeconds(30));
    List<String> over = new ArrayList<>();
    int cappedTenants = 0;
    for (ReceivedSpan span : receiver.spans()) {
      if (span.name().length() > STRING_CAP) {
        over.add("span name of " + span.name().length() + " characters");
      }
      boolean ours = span.scopeName().startsWith("dev.llmobs");
      for (Map.Entry<String, Object> attribute : span.attributes().entrySet()) {
        if (ours || isOurKey(attribute.getKey())) {
          check("span " + span.name(), attribute.getKey(), attribute.getValue(), over);
        }
        if (attribute.getKey().equals("tenant")
            && String.valueOf(attribute.getValue()).endsWith("...[truncated]")) {
          cappedTenants++;
        }
      }
      if (ours) {
        for (Span.Event event : span.span().getEventsList()) {
          for (KeyValue kv : event.getAttributesList()) {
            // Stack frames are code, not request data; with capture off there is no message.
            if (!kv.getKey().equals("exception.stacktrace")) {
              check("event " + event.getName(), kv.getKey(), kv.getValue().getStringValue(), over);
            }
          }
        }
      }
    }
    assertThat(cappedTenants).as("huge baggage values arrived, capped").isPositive();
    for (ReceivedMetricPoint point : receiver.metricPoints()) {
      for (Map.Entry<String, Object> attribute : point.attributes().entrySet()) {
        check("metric " + point.name(), attribute.getKey(), attribute.getValue(), over);
      }
    }
    assertThat(receiver.logRecords())
        .as("usage events whose tenant (from baggage) was capped")
        .anySatisfy(
            record ->
                assertThat(String.valueOf(record.attribute("llmobs.usage.tenant")))
                    .endsWith("...[truncated]"));
    for (ReceivedLogRecord record : receiver.logRecords()) {
      if (record.scopeName().startsWith("dev.llmobs")) {
        check("log record", "body", record.body(), over);
        for (Map.Entry<String, Object> attribute : record.attributes().entrySet()) {
          check("log record", attribute.getKey(), attribute.getValue(), over);
        }
      } else {
        for (Map.Entry<String, Object> attribute : record.attributes().entrySet()) {
          if (isOurKey(attribute.getKey())) {
            check("log record", attribute.getKey(), attribute.getValue(), over);
          }
        }
      }
    }
    for (PrometheusScrape.Sample sample : agent.samples()) {
      // target_info carries the resource (the JVM's command line), not request data.
      if (!sample.name().equals("target_info")) {
        sample
            .labels()
            .forEach((label, value) -> check("scraped " + sample.name(), label, value, over));
      }
    }
    assertThat(over).as("exported strings over " + STRING_CAP + " characters").isEmpty();
  }

  static boolean isOurKey(String key) {
    return key.startsWith("gen_ai.") || key.startsWith("llmobs.") || key.equals("tenant");
  }

  static void check(String where, String key, Object value, List<String> over) {
    if (value instanceof Collection<?> values) {
      values.forEach(v -> check(where, key, v, over));
    } else if (value instanceof String text && text.length() > STRING_CAP) {
      over.add(where + ": " + key + " has " + text.length() + " characters");
    }
  }

  /**
   * Every line of the gateway's output (its JSON log lines and the agent's own) is whole: CR/LF in
   * a model name or a baggage value never starts a line of its own.
   */
  static void assertNoForgedLine(GatewayProcess gateway) {
    String output = gateway.logText();
    List<String> forged = new ArrayList<>();
    int jsonLines = 0;
    for (String line : output.split("\n", -1)) {
      if (line.contains("\r")) {
        forged.add("carriage return in: " + cut(line));
      }
      if (line.startsWith(FORGED_LINE)) {
        forged.add("forged: " + cut(line));
      }
      if (line.startsWith("{")) {
        jsonLines++;
        try {
          JsonNode parsed = json.readTree(line);
          assertThat(parsed.path("level").asText()).as(cut(line)).isNotEqualTo("ERROR");
        } catch (java.io.IOException e) {
          forged.add("not one JSON object: " + cut(line));
        }
      } else if (line.contains("forged")) {
        forged.add("client text outside a JSON log line: " + cut(line));
      }
    }
    assertThat(jsonLines).isGreaterThan(REQUESTS / 2);
    assertThat(forged).isEmpty();
  }

  static String cut(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
