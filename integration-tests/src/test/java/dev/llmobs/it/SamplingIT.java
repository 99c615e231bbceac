package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.llmobs.it.harness.AgentGateway;
import dev.llmobs.it.harness.ExtensionCli;
import dev.llmobs.it.harness.GatewayProcess;
import dev.llmobs.it.harness.PrometheusScrape;
import dev.llmobs.it.harness.ReceivedLogRecord;
import dev.llmobs.it.harness.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code parentbased_traceidratio} at 0.1: about one trace in ten is exported, while the GenAI
 * metrics, the cost metrics and the usage events count every call (the llmobs sampler records the
 * GenAI spans the ratio drops, without exporting them), and exported traces stay whole.
 */
class SamplingIT {

  static final int CALLS = 600;
  static final String BODY =
      "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"sampled?\"}]}";

  @Test
  void aTenthOfTracesIsExportedAndEveryCallIsCountedAndPriced() throws Exception {
    try (AgentGateway agentGateway =
        AgentGateway.start(
            "sampling",
            options ->
                options
                    .prometheus()
                    .systemProperty("otel.traces.sampler", "parentbased_traceidratio")
                    .systemProperty("otel.traces.sampler.arg", "0.1"))) {
      GatewayProcess gateway = agentGateway.gateway();
      ExecutorService clients = Executors.newFixedThreadPool(4);
      try {
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
          responses.add(
              clients.submit(
                  () ->
                      gateway.postJson(
                          "/v1/chat/completions", BODY, "x-sim-usage", "input=10,output=2")));
        }
        for (Future<HttpResponse<String>> response : responses) {
          assertThat(response.get().statusCode()).isEqualTo(200);
        }
      } finally {
        clients.shutdownNow();
      }
      // Two more with a remote parent: its sampled flag decides, the ratio does not.
      String sampledTrace = UUID.randomUUID().toString().replace("-", "");
      String unsampledTrace = UUID.randomUUID().toString().replace("-", "");
      for (String traceparent :
          List.of(
              "00-" + sampledTrace + "-00f067aa0ba902b7-01",
              "00-" + unsampledTrace + "-00f067aa0ba902b7-00")) {
        HttpResponse<String> response =
            gateway.postJson(
                "/v1/chat/completions",
                BODY,
                "x-sim-usage",
                "input=10,output=2",
                "traceparent",
                traceparent);
        assertThat(response.statusCode()).isEqualTo(200);
      }
      int total = CALLS + 2;

      // Metrics count every call.
      Map<String, String> any = Map.of();
      PrometheusScrape scrape = gateway.scrapeAgent();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (scrape.sum("gen_ai_client_operation_cost_USD_count", any) < total
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
        scrape = gateway.scrapeAgent();
      }
      assertThat(scrape.sum("gen_ai_client_operation_duration_seconds_count", any))
          .isEqualTo(total);
      assertThat(scrape.sum("gen_ai_client_token_usage_sum", Map.of("gen_ai_token_type", "input")))
          .isEqualTo(10.0 * total);
      assertThat(scrape.sum("gen_ai_client_operation_cost_USD_count", any)).isEqualTo(total);
      double unitCost =
          Double.parseDouble(
              new ExtensionCli(GatewayProcess.requiredFile("llmobs.extension.jar"))
                  .cost("openai", "gpt-4o-mini", 10, 0, 2, 0));
      assertThat(scrape.sum("gen_ai_client_cost_USD_total", any))
          .isCloseTo(unitCost * total, within(1e-9));

      // One usage event per call, over OTLP; its trace flags say whether the trace was exported.
      List<ReceivedLogRecord> usage =
          agentGateway
              .receiver()
              .awaitLogRecords(r -> usageEvents(r).size() >= total, Duration.ofSeconds(30));
      assertThat(usageEvents(usage)).hasSize(total);

      // About a tenth of the traces is exported: 60 expected of 600; 30 to 90 is more than four
      // standard deviations (sqrt(600 x 0.1 x 0.9) = 7.3) either side.
      Thread.sleep(2000); // the last batches
      List<ReceivedSpan> spans = agentGateway.receiver().spans();
      List<ReceivedSpan> genAi =
          spans.stream()
              .filter(s -> s.attributes().containsKey("gen_ai.operation.name"))
              .collect(Collectors.toList());
      Set<String> exportedTraces =
          genAi.stream().map(ReceivedSpan::traceId).collect(Collectors.toSet());
      assertThat(exportedTraces).contains(sampledTrace).doesNotContain(unsampledTrace);
      System.out.printf(
          "SamplingIT: %d of %d ratio-sampled chat traces exported%n",
          exportedTraces.size() - 1, CALLS);
      assertThat(exportedTraces.size() - 1).isBetween(30, 90);
      assertThat(genAi).hasSize(exportedTraces.size());

      // Exported traces are whole: server span, GenAI span, the SDK's HTTP span under it; and no
      // span of an unexported trace was exported.
      for (ReceivedSpan chat : genAi) {
        assertThat(ChatTraces.serverSpanOf(spans, chat)).as("server span of " + chat).isPresent();
        assertThat(spans)
            .as("HTTP client span under " + chat)
            .anySatisfy(
                s -> {
                  assertThat(s.parentSpanId()).isEqualTo(chat.spanId());
                  assertThat(s.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
                });
      }
      Set<String> chatTraces =
          spans.stream()
              .filter(s -> s.kind() == Span.SpanKind.SPAN_KIND_SERVER)
              .filter(s -> s.name().equals("POST /v1/chat/completions"))
              .map(ReceivedSpan::traceId)
              .collect(Collectors.toSet());
      assertThat(chatTraces).as("exported chat traces").isEqualTo(exportedTraces);

      List<ReceivedLogRecord> events = usageEvents(usage);
      assertThat(events.stream().filter(ReceivedLogRecord::sampled))
          .hasSize(exportedTraces.size())
          .allSatisfy(e -> assertThat(exportedTraces).contains(e.traceId()));
      assertThat(events.stream().filter(e -> !e.sampled()))
          .hasSize(total - exportedTraces.size())
          .allSatisfy(e -> assertThat(exportedTraces).doesNotContain(e.traceId()));
      assertThat(events)
          .anySatisfy(
              e -> {
                assertThat(e.traceId()).isEqualTo(unsampledTrace);
                assertThat(e.sampled()).isFalse();
                assertThat(e.attribute("gen_ai.usage.cost.amount")).isNotNull();
              });
    }
  }

  static List<ReceivedLogRecord> usageEvents(List<ReceivedLogRecord> records) {
    return records.stream()
        .filter(r -> r.eventName().equals("gen_ai.usage"))
        .collect(Collectors.toList());
  }
}
