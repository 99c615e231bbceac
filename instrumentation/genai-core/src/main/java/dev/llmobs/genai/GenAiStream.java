package dev.llmobs.genai;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The span side of one streamed response: counts chunks, times the first one, and ends the call
 * once, when the stream is exhausted, fails, is closed early (then {@code error.type} is {@code
 * cancelled}) or is abandoned (neither drained nor closed: it became unreachable, or stayed idle
 * longer than the configured limit; then {@code error.type} is {@code abandoned}). Provider modules
 * hand every chunk to {@link #onChunk} (or let {@link #wrap} do it) and report the end.
 *
 * <p>Chunks may arrive on one thread while the caller closes on another: the end path marks the
 * stream ended first, then builds the response under the same lock that guards the accumulator, so
 * the response sees every chunk accepted before the end and none after.
 */
public final class GenAiStream<T> {

  private final State<T> state;

  private GenAiStream(State<T> state) {
    this.state = state;
  }

  static <T> GenAiStream<T> start(GenAiCall call, GenAiStreamAccumulator<T> accumulator) {
    State<T> state = new State<>(call, accumulator);
    GenAiStream<T> stream = new GenAiStream<>(state);
    state.reaperToken = GenAiReaper.track(stream, state);
    return stream;
  }

  /** Records a chunk; never throws. Chunks after the end are ignored. */
  public void onChunk(T chunk) {
    state.onChunk(chunk);
  }

  /** The stream ended normally (exhausted, or the provider said it was complete). */
  public void complete() {
    state.finish(null, null);
  }

  public void fail(Throwable error) {
    state.finish(GenAiCall.unwrap(error), null);
  }

  /** Completes, or fails when {@code error} is not null: an async stream's completion signal. */
  public void finish(Throwable error) {
    if (error == null) {
      complete();
    } else {
      fail(error);
    }
  }

  /** The caller closed the stream; a no-op when it had already ended. */
  public void closedByCaller() {
    state.finish(null, GenAiSemconv.ERROR_CANCELLED);
  }

  /**
   * The same elements, in the same order, seen by this stream on the way. The returned stream is
   * sequential; closing it closes {@code source}. An exception thrown by the caller's own action
   * does not end the span (the caller's close does).
   */
  public Stream<T> wrap(Stream<T> source) {
    return StreamSupport.stream(new TracingSpliterator(source.spliterator()), false)
        .onClose(source::close);
  }

  /** The same elements, in the same order, seen by this stream on the way. */
  public Iterator<T> wrap(Iterator<T> source) {
    return Spliterators.iterator(
        new TracingSpliterator(Spliterators.spliteratorUnknownSize(source, 0)));
  }

  /** Hands every element to the stream and notices exhaustion and failure. Never splits. */
  final class TracingSpliterator implements Spliterator<T> {
    private final Spliterator<T> delegate;

    TracingSpliterator(Spliterator<T> delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
      boolean[] callerFailed = new boolean[1];
      boolean advanced;
      try {
        advanced =
            delegate.tryAdvance(
                chunk -> {
                  onChunk(chunk);
                  callerFailed[0] = true;
                  action.accept(chunk);
                  callerFailed[0] = false;
                });
      } catch (RuntimeException | Error e) {
        if (!callerFailed[0]) {
          fail(e);
        }
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

  /**
   * Everything needed to end the call, apart from the {@link GenAiStream} the caller's wrappers
   * hold: the reaper keeps this strongly and the stream only weakly, so it notices when the caller
   * has dropped the stream.
   */
  static final class State<T> implements GenAiReaper.Pending {
    private final GenAiCall call;
    private final GenAiStreamAccumulator<T> accumulator;
    private final AtomicBoolean ended = new AtomicBoolean();
    private long chunks;
    private long firstChunkNanos;
    private volatile long lastActivityNanos;
    volatile Object reaperToken;

    State(GenAiCall call, GenAiStreamAccumulator<T> accumulator) {
      this.call = call;
      this.accumulator = accumulator;
      this.lastActivityNanos = System.nanoTime();
    }

    void onChunk(T chunk) {
      try {
        synchronized (this) {
          if (ended.get()) {
            return;
          }
          long now = System.nanoTime();
          lastActivityNanos = now;
          if (accumulator.accept(chunk) && chunks++ == 0) {
            firstChunkNanos = now;
          }
        }
      } catch (Throwable t) {
        GenAiFailures.record(call.module(), t);
      }
    }

    @Override
    public long lastActivityNanos() {
      return lastActivityNanos;
    }

    @Override
    public void abandon() {
      finish(null, GenAiSemconv.ERROR_ABANDONED);
    }

    /** Ends the call once: with {@code error}, as {@code errorType}, or normally. */
    void finish(Throwable error, String errorType) {
      if (!ended.compareAndSet(false, true)) {
        return;
      }
      GenAiReaper.untrack(reaperToken);
      GenAiResponse response = response();
      if (errorType != null) {
        response.errorType(errorType);
      }
      call.end(response, error);
    }

    private GenAiResponse response() {
      GenAiResponse response = null;
      long count;
      long first;
      synchronized (this) {
        try {
          response = accumulator.response();
        } catch (Throwable t) {
          GenAiFailures.record(call.module(), t);
        }
        count = chunks;
        first = firstChunkNanos;
      }
      if (response == null) {
        response = new GenAiResponse();
      }
      Double timeToFirstChunk = count == 0 ? null : (first - call.startNanos()) / 1_000_000_000.0;
      return response.streamTiming(timeToFirstChunk, count);
    }
  }
}
