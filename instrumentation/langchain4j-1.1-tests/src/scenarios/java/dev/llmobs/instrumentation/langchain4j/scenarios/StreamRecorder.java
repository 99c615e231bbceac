package dev.llmobs.instrumentation.langchain4j.scenarios;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What a streamed call's callbacks saw: the text pieces, the end (complete or error) and, for each
 * callback, the span that was current while the application's code ran.
 */
public final class StreamRecorder {

  private final List<String> pieces = new CopyOnWriteArrayList<>();
  private final List<SpanContext> callbackSpans = new CopyOnWriteArrayList<>();
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile Throwable error;
  private volatile boolean completed;

  public void onPiece(String piece) {
    callbackSpans.add(Span.current().getSpanContext());
    pieces.add(piece);
  }

  public void onComplete() {
    callbackSpans.add(Span.current().getSpanContext());
    completed = true;
    done.countDown();
  }

  public void onError(Throwable t) {
    callbackSpans.add(Span.current().getSpanContext());
    error = t;
    done.countDown();
  }

  /** Waits for the end of the stream. */
  public StreamRecorder await() throws InterruptedException {
    if (!done.await(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the stream neither completed nor failed");
    }
    return this;
  }

  public String text() {
    return String.join("", pieces);
  }

  public boolean completed() {
    return completed;
  }

  public Throwable error() {
    return error;
  }

  /** The span current in each callback, in order. */
  public List<SpanContext> callbackSpans() {
    return callbackSpans;
  }
}
