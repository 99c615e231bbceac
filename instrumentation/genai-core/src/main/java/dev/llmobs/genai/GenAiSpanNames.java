package dev.llmobs.genai;

import io.opentelemetry.instrumentation.api.instrumenter.SpanNameExtractor;

/** {@code {gen_ai.operation.name} {gen_ai.request.model}}, or the operation alone. */
final class GenAiSpanNames implements SpanNameExtractor<GenAiRequest> {

  @Override
  public String extract(GenAiRequest request) {
    String model = request.requestModel();
    return model == null || model.isEmpty()
        ? request.operationName()
        : request.operationName() + " " + model;
  }
}
