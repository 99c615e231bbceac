package dev.llmobs.cost.otel;

import static dev.llmobs.genai.GenAiSemconv.CONVERSATION_ID;
import static dev.llmobs.genai.GenAiSemconv.ERROR_CANCELLED;
import static dev.llmobs.genai.GenAiSemconv.ERROR_TIMEOUT;
import static dev.llmobs.genai.GenAiSemconv.ERROR_TYPE;
import static dev.llmobs.genai.GenAiSemconv.OPERATION_NAME;
import static dev.llmobs.genai.GenAiSemconv.PROVIDER_NAME;
import static dev.llmobs.genai.GenAiSemconv.REQUEST_MODEL;
import static dev.llmobs.genai.GenAiSemconv.RESPONSE_FINISH_REASONS;
import static dev.llmobs.genai.GenAiSemconv.RESPONSE_ID;
import static dev.llmobs.genai.GenAiSemconv.RESPONSE_MODEL;
import static dev.llmobs.genai.GenAiSemconv.SYSTEM;
import static dev.llmobs.genai.GenAiSemconv.USAGE_CACHE_CREATION_INPUT_TOKENS;
import static dev.llmobs.genai.GenAiSemconv.USAGE_CACHE_READ_INPUT_TOKENS;
import static dev.llmobs.genai.GenAiSemconv.USAGE_INPUT_TOKENS;
import static dev.llmobs.genai.GenAiSemconv.USAGE_OUTPUT_TOKENS;
import static dev.llmobs.genai.GenAiSemconv.USAGE_REASONING_OUTPUT_TOKENS;

import dev.llmobs.cost.usage.UsageEvent;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/** Builds a {@link UsageEvent} from an ended GenAI span (on the usage-event thread). */
final class SpanUsageEvents {

  private SpanUsageEvents() {}

  static UsageEvent from(
      SpanData span, String tenant, BigDecimal cost, String pricedAs, String cacheState) {
    Attributes attributes = span.getAttributes();
    long end = span.getEndEpochNanos();
    return UsageEvent.builder()
        .time(Instant.ofEpochSecond(0, end))
        .traceId(span.getTraceId())
        .spanId(span.getSpanId())
        .traceSampled(span.getSpanContext().isSampled())
        .requestId(attributes.get(RESPONSE_ID))
        .tenant(tenant)
        .conversationId(attributes.get(CONVERSATION_ID))
        .cacheState(cacheState)
        .operation(attributes.get(OPERATION_NAME))
        .provider(CostSpanProcessor.provider(attributes.get(PROVIDER_NAME), attributes.get(SYSTEM)))
        .model(attributes.get(REQUEST_MODEL))
        .responseModel(attributes.get(RESPONSE_MODEL))
        .pricedAs(pricedAs)
        .tokens(
            attributes.get(USAGE_INPUT_TOKENS),
            attributes.get(USAGE_OUTPUT_TOKENS),
            attributes.get(USAGE_CACHE_READ_INPUT_TOKENS),
            attributes.get(USAGE_CACHE_CREATION_INPUT_TOKENS),
            attributes.get(USAGE_REASONING_OUTPUT_TOKENS))
        .cost(cost)
        .finishReasons(attributes.get(RESPONSE_FINISH_REASONS))
        .outcome(outcome(attributes.get(ERROR_TYPE), span.getStatus().getStatusCode()))
        .latencyMillis((end - span.getStartEpochNanos()) / 1_000_000.0)
        .build();
  }

  static UsageEvent.Outcome outcome(String errorType, StatusCode status) {
    if (errorType != null) {
      String type = errorType.toLowerCase(Locale.ROOT);
      if (ERROR_CANCELLED.equals(type) || type.contains("cancel")) {
        return UsageEvent.Outcome.CANCELLED;
      }
      if (ERROR_TIMEOUT.equals(type) || type.contains("timeout") || type.contains("timedout")) {
        return UsageEvent.Outcome.TIMED_OUT;
      }
      return UsageEvent.Outcome.ERROR;
    }
    return status == StatusCode.ERROR ? UsageEvent.Outcome.ERROR : UsageEvent.Outcome.SUCCESS;
  }
}
