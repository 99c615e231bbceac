package dev.llmobs.genai.stores;

import dev.llmobs.genai.GenAiSemconv;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;

/** The store span's attributes; the same names feed the store metrics. */
final class StoreAttributes implements AttributesExtractor<StoreRequest, StoreOutcome> {

  @Override
  public void onStart(AttributesBuilder attributes, Context parentContext, StoreRequest request) {
    put(attributes, GenAiSemconv.STORE_OPERATION, request.operation());
    put(attributes, GenAiSemconv.STORE_NAME, request.store());
    put(attributes, GenAiSemconv.STORE_BACKEND, request.backend());
    put(attributes, GenAiSemconv.CONVERSATION_ID, request.conversationId());
    put(attributes, GenAiSemconv.STORE_MESSAGE_COUNT, request.messageCount());
  }

  @Override
  public void onEnd(
      AttributesBuilder attributes,
      Context context,
      StoreRequest request,
      StoreOutcome outcome,
      Throwable error) {
    if (outcome == null) {
      return;
    }
    if (outcome.errorType != null) {
      attributes.put(GenAiSemconv.ERROR_TYPE, outcome.errorType);
      return;
    }
    if (request.messageCount() == null) {
      put(attributes, GenAiSemconv.STORE_MESSAGE_COUNT, outcome.resultCount());
    }
    if (GenAiSemconv.STORE_CACHE_GET.equals(request.operation())) {
      attributes.put(GenAiSemconv.CACHE_RESULT, outcome.cacheResult());
    }
  }

  private static <T> void put(AttributesBuilder attributes, AttributeKey<T> key, T value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }
}
