package dev.llmobs.instrumentation.openai.v2_0;

import com.openai.core.http.StreamResponse;
import dev.llmobs.genai.GenAiStream;
import java.util.stream.Stream;

/** The SDK's blocking stream, unchanged for the caller, seen by the span on the way. */
final class OpenAiStreamResponse<T> implements StreamResponse<T> {

  private final GenAiStream<T> span;
  private final StreamResponse<T> delegate;

  OpenAiStreamResponse(GenAiStream<T> span, StreamResponse<T> delegate) {
    this.span = span;
    this.delegate = delegate;
  }

  @Override
  public Stream<T> stream() {
    return span.wrap(delegate.stream());
  }

  @Override
  public void close() {
    // Before the delegate: closing it mid-stream may make a reader thread fail.
    span.closedByCaller();
    delegate.close();
  }
}
