package dev.llmobs.genai;

import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.instrumentation.api.instrumenter.SpanStatusBuilder;
import io.opentelemetry.instrumentation.api.instrumenter.SpanStatusExtractor;

/**
 * ERROR whenever the call has an {@code error.type}, including a stream the caller cancelled, which
 * ends without an exception.
 */
final class GenAiSpanStatus implements SpanStatusExtractor<GenAiRequest, GenAiResponse> {

  @Override
  public void extract(
      SpanStatusBuilder spanStatusBuilder,
      GenAiRequest request,
      GenAiResponse response,
      Throwable error) {
    if (error != null || (response != null && response.errorType() != null)) {
      spanStatusBuilder.setStatus(StatusCode.ERROR);
    }
  }
}
