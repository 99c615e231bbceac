package dev.llmobs.genai.stores;

import io.opentelemetry.instrumentation.api.instrumenter.SpanNameExtractor;

/** {@code {operation} {store}}, such as {@code get ConversationStore}. */
final class StoreSpanNames implements SpanNameExtractor<StoreRequest> {

  @Override
  public String extract(StoreRequest request) {
    return request.operation() + " " + request.store();
  }
}
