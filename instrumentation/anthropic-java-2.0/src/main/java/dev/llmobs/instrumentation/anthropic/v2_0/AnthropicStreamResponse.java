package dev.llmobs.instrumentation.anthropic.v2_0;

import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.llmobs.genai.GenAiStream;
import java.util.stream.Stream;

/** The SDK's blocking stream, unchanged for the caller, seen by the span on the way. */
final class AnthropicStreamResponse implements StreamResponse<RawMessageStreamEvent> {

  private final GenAiStream<RawMessageStreamEvent> span;
  private final StreamResponse<RawMessageStreamEvent> delegate;

  AnthropicStreamResponse(
      GenAiStream<RawMessageStreamEvent> span, StreamResponse<RawMessageStreamEvent> delegate) {
    this.span = span;
    this.delegate = delegate;
  }

  @Override
  public Stream<RawMessageStreamEvent> stream() {
    return span.wrap(delegate.stream());
  }

  @Override
  public void close() {
    span.closedByCaller();
    delegate.close();
  }
}
