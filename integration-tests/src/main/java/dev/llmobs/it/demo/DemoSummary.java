package dev.llmobs.it.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmobs.it.harness.GatewayProcess;
import dev.llmobs.it.harness.OtlpReceiver;
import dev.llmobs.it.harness.PrometheusScrape;
import dev.llmobs.it.harness.ReceivedLogRecord;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the demo prints besides the traces: a metrics summary and the logs of one trace. */
final class DemoSummary {

  private static final String MODEL = "gen_ai_request_model";

  private DemoSummary() {}

  /** Tokens and cost by model, p50 latency, time to first chunk: from one scrape. */
  static String metrics(PrometheusScrape scrape) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("  %-28s %8s %8s %12s%n", "model", "input", "output", "cost USD"));
    BigDecimal totalCost = BigDecimal.ZERO;
    for (String model : scrape.labelValues("gen_ai_client_token_usage_sum", MODEL)) {
      Map<String, String> byModel = Map.of(MODEL, model);
      BigDecimal cost = usd(scrape.sum("gen_ai_client_cost_USD_total", byModel));
      totalCost = totalCost.add(cost);
      out.append(
          String.format(
              "  %-28s %8.0f %8.0f %12s%n",
              model,
              scrape.sum("gen_ai_client_token_usage_sum", with(byModel, "input")),
              scrape.sum("gen_ai_client_token_usage_sum", with(byModel, "output")),
              cost.toPlainString()));
    }
    out.append(
        String.format(
            "  %-28s %8.0f %8.0f %12s%n",
            "all",
            scrape.sum("gen_ai_client_token_usage_sum", Map.of("gen_ai_token_type", "input")),
            scrape.sum("gen_ai_client_token_usage_sum", Map.of("gen_ai_token_type", "output")),
            totalCost.toPlainString()));
    out.append(
        String.format(
            "%n  calls: %.0f, p50 latency %.1f ms (gen_ai.client.operation.duration)%n",
            scrape.sum("gen_ai_client_operation_duration_seconds_count", Map.of()),
            1000 * scrape.quantile(0.5, "gen_ai_client_operation_duration_seconds", Map.of())));
    out.append(
        String.format(
            "  streams: %.0f, p50 time to first chunk %.1f ms"
                + " (gen_ai.client.operation.time_to_first_chunk)%n",
            scrape.sum("gen_ai_client_operation_time_to_first_chunk_seconds_count", Map.of()),
            1000
                * scrape.quantile(
                    0.5, "gen_ai_client_operation_time_to_first_chunk_seconds", Map.of())));
    out.append(
        String.format(
            "  cost by tenant (baggage tenant=...): %s%n",
            scrape.labelValues("gen_ai_client_cost_USD_total", "tenant").stream()
                .map(
                    t ->
                        t
                            + " "
                            + usd(scrape.sum("gen_ai_client_cost_USD_total", Map.of("tenant", t)))
                                .toPlainString())
                .collect(Collectors.joining(", "))));
    return out.toString();
  }

  /**
   * A cost counter's value, which Prometheus sums as a double: each span's cost is exact, but the
   * sum of several carries binary rounding (0.000042000000000000004), cut here to the 12
   * significant digits a double sum of such small amounts keeps.
   */
  private static BigDecimal usd(double sum) {
    return BigDecimal.valueOf(sum).round(new MathContext(12)).stripTrailingZeros();
  }

  private static Map<String, String> with(Map<String, String> byModel, String tokenType) {
    return Map.of(MODEL, byModel.get(MODEL), "gen_ai_token_type", tokenType);
  }

  /**
   * Two log lines of one trace: the gateway's own JSON access line (trace_id/span_id from the
   * agent's MDC) and the usage event the agent emitted as an OTel log record.
   */
  static String logsOfTrace(String traceId, GatewayProcess gateway, OtlpReceiver receiver)
      throws InterruptedException {
    StringBuilder out = new StringBuilder();
    Optional<JsonNode> access =
        gateway.jsonLogLines().stream()
            .filter(l -> traceId.equals(l.path("trace_id").asText()))
            .findFirst();
    out.append("  gateway stdout (JSON):  ")
        .append(access.map(JsonNode::toString).orElse("(none)"))
        .append('\n');
    List<ReceivedLogRecord> records =
        receiver.awaitLogRecords(
            r -> r.stream().anyMatch(l -> isUsageOf(l, traceId)), Duration.ofSeconds(10));
    ReceivedLogRecord usage = records.stream().filter(l -> isUsageOf(l, traceId)).findFirst().get();
    Map<String, Object> a = usage.attributes();
    out.append("  OTLP log record:        ")
        .append(usage.eventName())
        .append(" trace_id=")
        .append(usage.traceId())
        .append(" span_id=")
        .append(usage.spanId())
        .append(" model=")
        .append(a.get("gen_ai.response.model"))
        .append(" input_tokens=")
        .append(a.get("gen_ai.usage.input_tokens"))
        .append(" output_tokens=")
        .append(a.get("gen_ai.usage.output_tokens"))
        .append(" cost=")
        .append(a.get("llmobs.usage.cost.exact"))
        .append(" USD tenant=")
        .append(a.get("llmobs.usage.tenant"))
        .append('\n');
    return out.toString();
  }

  private static boolean isUsageOf(ReceivedLogRecord record, String traceId) {
    return record.eventName().equals("gen_ai.usage") && record.traceId().equals(traceId);
  }
}
