package dev.llmobs.instrumentation.openai.v2_0;

import com.openai.core.http.AsyncStreamResponse;
import dev.llmobs.genai.GenAiStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The SDK's async stream, unchanged for the caller, seen by the span through its handler. */
final class OpenAiAsyncStreamResponse<T> implements AsyncStreamResponse<T> {

  private final GenAiStream<T> span;
  private final AsyncStreamResponse<T> delegate;

  OpenAiAsyncStreamResponse(GenAiStream<T> span, AsyncStreamResponse<T> delegate) {
    this.span = span;
    this.delegate = delegate;
    span.endWith(delegate.onCompleteFuture());
  }

  @Override
  public AsyncStreamResponse<T> subscribe(Handler<? super T> handler) {
    delegate.subscribe(new TracingHandler<T>(span, handler));
    return this;
  }

  @Override
  public AsyncStreamResponse<T> subscribe(Handler<? super T> handler, Executor executor) {
    delegate.subscribe(new TracingHandler<T>(span, handler), executor);
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

  static final class TracingHandler<T> implements Handler<T> {
    private final GenAiStream<T> span;
    private final Handler<? super T> handler;

    TracingHandler(GenAiStream<T> span, Handler<? super T> handler) {
      this.span = span;
      this.handler = handler;
    }

    @Override
    public void onNext(T value) {
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
