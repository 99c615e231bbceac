package dev.llmobs.genai;

import java.util.Spliterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The span side of one streamed response: counts chunks, times the first one, and ends the call
 * once, when the stream is exhausted, fails, or is closed early (then {@code error.type} is {@code
 * cancelled}). Provider modules wrap their SDK's stream types around this.
 */
public final class GenAiStream<T> {

  private final GenAiCall call;
  private final GenAiStreamAccumulator<T> accumulator;
  private final AtomicLong chunks = new AtomicLong();
  private volatile long firstChunkNanos;

  private GenAiStream(GenAiCall call, GenAiStreamAccumulator<T> accumulator) {
    this.call = call;
    this.accumulator = accumulator;
  }

  public static <T> GenAiStream<T> of(GenAiCall call, GenAiStreamAccumulator<T> accumulator) {
    return new GenAiStream<>(call, accumulator);
  }

  /** Records a chunk; never throws. */
  public void onChunk(T chunk) {
    try {
      if (accumulator.accept(chunk) && chunks.getAndIncrement() == 0) {
        firstChunkNanos = System.nanoTime();
      }
    } catch (Throwable t) {
      GenAiCall.logFailure(t);
    }
  }

  /** The stream ended normally (exhausted, or the provider said it was complete). */
  public void complete() {
    call.end(response(), null);
  }

  public void fail(Throwable error) {
    call.end(response(), GenAiCall.unwrap(error));
  }

  /** Completes, or fails when {@code error} is not null: an async stream's completion signal. */
  public void finish(Throwable error) {
    if (error == null) {
      complete();
    } else {
      fail(error);
    }
  }

  /** Ends the call when {@code completion} completes, for callers that never subscribe. */
  public void endWith(CompletableFuture<?> completion) {
    completion.whenComplete((ignored, error) -> finish(error));
  }

  /** The caller closed the stream; a no-op when it had already ended. */
  public void closedByCaller() {
    call.endCancelled(response());
  }

  private GenAiResponse response() {
    GenAiResponse response;
    try {
      response = accumulator.response();
    } catch (Throwable t) {
      GenAiCall.logFailure(t);
      response = null;
    }
    if (response == null) {
      response = new GenAiResponse();
    }
    long count = chunks.get();
    Double timeToFirstChunk =
        count == 0 ? null : (firstChunkNanos - call.startNanos()) / 1_000_000_000.0;
    return response.streamTiming(timeToFirstChunk, count);
  }

  /**
   * The same elements, in the same order, seen by this stream on the way. The returned stream is
   * sequential; closing it closes {@code source}.
   */
  public Stream<T> wrap(Stream<T> source) {
    return StreamSupport.stream(new TracingSpliterator(source.spliterator()), false)
        .onClose(source::close);
  }

  /** Hands every element to the stream and notices exhaustion and failure. Never splits. */
  final class TracingSpliterator implements Spliterator<T> {
    private final Spliterator<T> delegate;

    TracingSpliterator(Spliterator<T> delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
      boolean advanced;
      try {
        advanced =
            delegate.tryAdvance(
                chunk -> {
                  onChunk(chunk);
                  action.accept(chunk);
                });
      } catch (RuntimeException | Error e) {
        fail(e);
        throw e;
      }
      if (!advanced) {
        complete();
      }
      return advanced;
    }

    @Override
    public Spliterator<T> trySplit() {
      return null;
    }

    @Override
    public long estimateSize() {
      return delegate.estimateSize();
    }

    @Override
    public int characteristics() {
      return delegate.characteristics() & ~(Spliterator.SIZED | Spliterator.SUBSIZED);
    }
  }
}
