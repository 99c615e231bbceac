package dev.llmobs.cost.otel;

import static dev.llmobs.genai.GenAiSemconv.EVENT_USAGE;

import dev.llmobs.cost.usage.UsageEvent;
import dev.llmobs.cost.usage.UsageSink;
import dev.llmobs.genai.GenAiSemconv;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.util.function.Supplier;

/**
 * Emits each usage event as an OpenTelemetry log record with event name {@code gen_ai.usage}, in
 * the call's trace, through the agent's logs pipeline ({@code otel.logs.exporter}).
 */
final class OtelLogUsageSink implements UsageSink {

  static final String SCOPE = "dev.llmobs.genai.usage";

  static final AttributeKey<String> TENANT = AttributeKey.stringKey("llmobs.usage.tenant");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("llmobs.usage.outcome");
  static final AttributeKey<Double> LATENCY_MS = AttributeKey.doubleKey("llmobs.usage.latency_ms");
  static final AttributeKey<String> PRICED_AS = AttributeKey.stringKey("llmobs.usage.priced_as");
  static final AttributeKey<String> COST_EXACT = AttributeKey.stringKey("llmobs.usage.cost.exact");
  static final AttributeKey<String> CACHE_STATE =
      AttributeKey.stringKey("llmobs.usage.cache_state");

  private final Supplier<OpenTelemetry> openTelemetry;
  private Logger logger;

  OtelLogUsageSink(Supplier<OpenTelemetry> openTelemetry) {
    this.openTelemetry = openTelemetry;
  }

  @Override
  public void accept(UsageEvent event) {
    if (logger == null) {
      logger = openTelemetry.get().getLogsBridge().get(SCOPE);
    }
    LogRecordBuilder record =
        logger
            .logRecordBuilder()
            .setEventName(EVENT_USAGE)
            .setSeverity(Severity.INFO)
            .setTimestamp(event.time());
    if (event.traceId() != null && event.spanId() != null) {
      SpanContext spanContext =
          SpanContext.create(
              event.traceId(),
              event.spanId(),
              event.traceSampled() ? TraceFlags.getSampled() : TraceFlags.getDefault(),
              TraceState.getDefault());
      record.setContext(Context.root().with(Span.wrap(spanContext)));
    }
    put(record, GenAiSemconv.OPERATION_NAME, event.operation());
    put(record, GenAiSemconv.PROVIDER_NAME, event.provider());
    put(record, GenAiSemconv.REQUEST_MODEL, event.model());
    put(record, GenAiSemconv.RESPONSE_MODEL, event.responseModel());
    put(record, GenAiSemconv.RESPONSE_ID, event.requestId());
    put(record, GenAiSemconv.USAGE_INPUT_TOKENS, event.inputTokens());
    put(record, GenAiSemconv.USAGE_OUTPUT_TOKENS, event.outputTokens());
    put(record, GenAiSemconv.USAGE_CACHE_READ_INPUT_TOKENS, event.cacheReadTokens());
    put(record, GenAiSemconv.USAGE_CACHE_CREATION_INPUT_TOKENS, event.cacheWriteTokens());
    put(record, GenAiSemconv.USAGE_REASONING_OUTPUT_TOKENS, event.reasoningTokens());
    if (!event.finishReasons().isEmpty()) {
      record.setAttribute(GenAiSemconv.RESPONSE_FINISH_REASONS, event.finishReasons());
    }
    if (event.cost() != null) {
      record.setAttribute(GenAiSemconv.USAGE_COST_AMOUNT, event.cost().doubleValue());
      record.setAttribute(GenAiSemconv.USAGE_COST_CURRENCY, event.currency());
      record.setAttribute(COST_EXACT, event.cost().stripTrailingZeros().toPlainString());
    }
    put(record, GenAiSemconv.CONVERSATION_ID, event.conversationId());
    put(record, TENANT, event.tenant());
    put(record, CACHE_STATE, event.cacheState());
    put(record, PRICED_AS, event.pricedAs());
    record.setAttribute(OUTCOME, event.outcome().value());
    record.setAttribute(LATENCY_MS, event.latencyMillis());
    record.emit();
  }

  private static <T> void put(LogRecordBuilder record, AttributeKey<T> key, T value) {
    if (value != null) {
      record.setAttribute(key, value);
    }
  }
}
