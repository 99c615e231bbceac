package dev.llmobs.instrumentation.openai;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The extension's cost span processor, running in the test agent beside its in-memory exporters:
 * cost attributes on our chat span, the cost metrics and the usage event log record. Expected
 * figures are worked by hand from the vendored catalog (gpt-4o: input 2.50, cached input 1.25,
 * output 10.00 USD per 1M tokens).
 */
class OpenAiChatCostTest extends OpenAiAgentTest {

  static final String COST_SCOPE = "dev.llmobs.genai.cost";
  static final AttributeKey<Double> COST = AttributeKey.doubleKey("gen_ai.usage.cost.amount");
  static final AttributeKey<String> CURRENCY = AttributeKey.stringKey("gen_ai.usage.cost.currency");
  static final AttributeKey<String> SOURCE = AttributeKey.stringKey("gen_ai.usage.cost.source");
  static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
  static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
  static final AttributeKey<String> RESPONSE_MODEL =
      AttributeKey.stringKey("gen_ai.response.model");
  static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");

  // 1000 prompt tokens of which 200 cached, 500 completion tokens of which 120 reasoning:
  // 800 x 2.50 + 200 x 1.25 + 500 x 10.00 = 2000 + 250 + 5000 = 7250 per 1M = $0.00725
  static final double EXPECTED_COST = 0.00725;

  static String completion(String id, String model) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"chat.completion\",\"created\":1700000000,"
        + "\"model\":\""
        + model
        + "\",\"choices\":[{\"index\":0,\"message\":"
        + "{\"role\":\"assistant\",\"content\":\"Priced\"},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":500,\"total_tokens\":1500,"
        + "\"prompt_tokens_details\":{\"cached_tokens\":200},"
        + "\"completion_tokens_details\":{\"reasoning_tokens\":120}}}";
  }

  void chat(String model) {
    client
        .chat()
        .completions()
        .create(
            ChatCompletionCreateParams.builder().model(model).addUserMessage("price me").build());
  }

  @Test
  void pricedCallGetsCostAttributesMetricsAndUsageEvent() throws Exception {
    server.replyJson(completion("chatcmpl-cost-1", "gpt-4o-2024-08-06"));

    try (Scope ignored =
        Baggage.current().toBuilder().put("tenant", "acme").build().makeCurrent()) {
      chat("gpt-4o");
    }

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat gpt-4o")
                        .hasAttributesSatisfying(
                            equalTo(RESPONSE_MODEL, "gpt-4o-2024-08-06"),
                            equalTo(COST, EXPECTED_COST),
                            equalTo(CURRENCY, "USD"),
                            equalTo(SOURCE, "local"))));
    SpanData span = testing.spans().get(0);

    Attributes labels =
        Attributes.builder()
            .put(PROVIDER, "openai")
            .put(OPERATION, "chat")
            .put(REQUEST_MODEL, "gpt-4o")
            .put(RESPONSE_MODEL, "gpt-4o-2024-08-06")
            .build();
    testing.waitAndAssertMetrics(
        COST_SCOPE,
        "gen_ai.client.cost",
        metrics ->
            metrics.anySatisfy(
                metric ->
                    assertThat(metric)
                        .hasUnit("USD")
                        .hasDoubleSumSatisfying(
                            sum ->
                                sum.isMonotonic()
                                    .hasPointsSatisfying(
                                        point ->
                                            point.hasValue(EXPECTED_COST).hasAttributes(labels)))));
    testing.waitAndAssertMetrics(
        COST_SCOPE,
        "gen_ai.client.operation.cost",
        metrics ->
            metrics.anySatisfy(
                metric ->
                    assertThat(metric)
                        .hasUnit("USD")
                        .hasHistogramSatisfying(
                            histogram ->
                                histogram.hasPointsSatisfying(
                                    point ->
                                        point
                                            .hasCount(1)
                                            .hasSum(EXPECTED_COST)
                                            .hasAttributes(labels)))));

    LogRecordData usage = awaitUsageEvent("chatcmpl-cost-1");
    assertThat(usage.getSpanContext().getTraceId()).isEqualTo(span.getTraceId());
    assertThat(usage.getSpanContext().getSpanId()).isEqualTo(span.getSpanId());
    assertThat(usage)
        .hasAttributesSatisfying(
            equalTo(PROVIDER, "openai"),
            equalTo(REQUEST_MODEL, "gpt-4o"),
            equalTo(RESPONSE_MODEL, "gpt-4o-2024-08-06"),
            equalTo(AttributeKey.longKey("gen_ai.usage.input_tokens"), 1000L),
            equalTo(AttributeKey.longKey("gen_ai.usage.output_tokens"), 500L),
            equalTo(AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens"), 200L),
            equalTo(AttributeKey.longKey("gen_ai.usage.reasoning.output_tokens"), 120L),
            equalTo(COST, EXPECTED_COST),
            equalTo(AttributeKey.stringKey("llmobs.usage.cost.exact"), "0.00725"),
            equalTo(AttributeKey.stringKey("llmobs.usage.tenant"), "acme"),
            equalTo(AttributeKey.stringKey("llmobs.usage.outcome"), "success"),
            equalTo(AttributeKey.stringKey("llmobs.usage.priced_as"), "openai/gpt-4o"));
    assertThat(usage.getEventName()).isEqualTo("gen_ai.usage");
  }

  @Test
  void unknownModelHasNoCostAndIsCountedAsUnpriced() throws Exception {
    server.replyJson(completion("chatcmpl-cost-2", "acme-private-model-7"));

    chat("acme-private-model-7");

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat acme-private-model-7")
                        .hasAttributesSatisfying(
                            attributes ->
                                assertThat(attributes)
                                    .containsKey(AttributeKey.longKey("gen_ai.usage.input_tokens"))
                                    .doesNotContainKey(COST)
                                    .doesNotContainKey(CURRENCY))));
    testing.waitAndAssertMetrics(
        COST_SCOPE,
        "gen_ai.client.cost.unpriced",
        metrics ->
            metrics.anySatisfy(
                metric ->
                    assertThat(metric)
                        .hasLongSumSatisfying(
                            sum ->
                                sum.hasPointsSatisfying(
                                    point ->
                                        point
                                            .hasValue(1)
                                            .hasAttributesSatisfying(
                                                equalTo(PROVIDER, "openai"),
                                                equalTo(REQUEST_MODEL, "acme-private-model-7"))))));
    LogRecordData usage = awaitUsageEvent("chatcmpl-cost-2");
    assertThat(usage.getAttributes().get(COST)).isNull();
  }

  static LogRecordData awaitUsageEvent(String responseId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      List<LogRecordData> records = testing.logRecords();
      Optional<LogRecordData> found =
          records.stream()
              .filter(r -> responseId.equals(r.getAttributes().get(RESPONSE_ID)))
              .findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no usage event for " + responseId + " in " + testing.logRecords());
  }
}
