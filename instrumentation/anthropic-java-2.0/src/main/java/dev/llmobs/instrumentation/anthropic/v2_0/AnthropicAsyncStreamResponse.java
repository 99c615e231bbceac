package dev.llmobs.instrumentation.anthropic.v2_0;

import com.anthropic.core.http.AsyncStreamResponse;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.llmobs.genai.GenAiStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The SDK's async stream, unchanged for the caller, seen by the span through its handler. */
final class AnthropicAsyncStreamResponse implements AsyncStreamResponse<RawMessageStreamEvent> {

  private final GenAiStream<RawMessageStreamEvent> span;
  private final AsyncStreamResponse<RawMessageStreamEvent> delegate;

  AnthropicAsyncStreamResponse(
      GenAiStream<RawMessageStreamEvent> span,
      AsyncStreamResponse<RawMessageStreamEvent> delegate) {
    this.span = span;
    this.delegate = delegate;
    span.endWith(delegate.onCompleteFuture());
  }

  @Override
  public AsyncStreamResponse<RawMessageStreamEvent> subscribe(
      Handler<? super RawMessageStreamEvent> handler) {
    delegate.subscribe(new TracingHandler(span, handler));
    return this;
  }

  @Override
  public AsyncStreamResponse<RawMessageStreamEvent> subscribe(
      Handler<? super RawMessageStreamEvent> handler, Executor executor) {
    delegate.subscribe(new TracingHandler(span, handler), executor);
    return this;
  }

  @Override
  public CompletableFuture<Void> onCompleteFuture() {
    return delegate.onCompleteFuture();
  }

  @Override
  public void close() {
    span.closedByCaller();
    delegate.close();
  }

  static final class TracingHandler implements Handler<RawMessageStreamEvent> {
    private final GenAiStream<RawMessageStreamEvent> span;
    private final Handler<? super RawMessageStreamEvent> handler;

    TracingHandler(
        GenAiStream<RawMessageStreamEvent> span, Handler<? super RawMessageStreamEvent> handler) {
      this.span = span;
      this.handler = handler;
    }

    @Override
    public void onNext(RawMessageStreamEvent value) {
      span.onChunk(value);
      handler.onNext(value);
    }

    @Override
    public void onComplete(Optional<Throwable> error) {
      span.finish(error.orElse(null));
      handler.onComplete(error);
    }
  }
}
