package dev.llmobs.instrumentation.mcp.v1_0;

import dev.llmobs.genai.GenAiFailures;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

/**
 * The Mono the SDK returns for a request, traced: each subscription (the SDK's Monos are lazy:
 * nothing is sent or handled before one) starts a span, current while the source is subscribed so
 * that the transport's own spans nest beneath it and the transport sees the call; the span ends on
 * the first value, the completion, the error or a cancel. The subscriber's signals are delivered in
 * the context the subscription was made in, never in the span's. The same values and signals pass
 * through untouched.
 */
final class McpTracingMono<T> extends Mono<T> {

  private final Mono<T> source;
  private final McpRequest request;
  // The streamable HTTP server transport the handled request's response leaves through, or null.
  private final Object responseTransport;

  McpTracingMono(Mono<T> source, McpRequest request, Object responseTransport) {
    this.source = source;
    this.request = request;
    this.responseTransport = responseTransport;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    McpCall call = null;
    try {
      Context ambient = Context.current();
      if (!alreadyTraced(McpCall.current(ambient))) {
        call = McpCall.start(request, ambient);
      }
      if (call != null && responseTransport != null) {
        McpCalls.expectResponse(responseTransport, call);
      }
    } catch (Throwable t) {
      GenAiFailures.record(McpCall.MODULE, t);
    }
    if (call == null) {
      source.subscribe(actual);
      return;
    }
    try (Scope ignored = call.context().makeCurrent()) {
      source.subscribe(new TracingSubscriber<T>(actual, call, responseTransport));
    }
  }

  // One span per handled request: an SDK layer handing the same request to another is not traced
  // again.
  private boolean alreadyTraced(McpCall current) {
    return current != null
        && request.rpcRequest != null
        && current.request().rpcRequest == request.rpcRequest;
  }

  static final class TracingSubscriber<T> implements CoreSubscriber<T>, Subscription {
    private final CoreSubscriber<? super T> actual;
    private final McpCall call;
    private final Object responseTransport;
    private Subscription upstream;

    TracingSubscriber(CoreSubscriber<? super T> actual, McpCall call, Object responseTransport) {
      this.actual = actual;
      this.call = call;
      this.responseTransport = responseTransport;
    }

    @Override
    public reactor.util.context.Context currentContext() {
      return actual.currentContext();
    }

    @Override
    public void onSubscribe(Subscription subscription) {
      upstream = subscription;
      actual.onSubscribe(this);
    }

    @Override
    public void onNext(T value) {
      call.endWithValue(value);
      done();
      try (Scope ignored = call.parentContext().makeCurrent()) {
        actual.onNext(value);
      }
    }

    @Override
    public void onError(Throwable error) {
      call.endWithError(error);
      done();
      try (Scope ignored = call.parentContext().makeCurrent()) {
        actual.onError(error);
      }
    }

    @Override
    public void onComplete() {
      call.end(call.captured());
      done();
      try (Scope ignored = call.parentContext().makeCurrent()) {
        actual.onComplete();
      }
    }

    @Override
    public void request(long n) {
      upstream.request(n);
    }

    @Override
    public void cancel() {
      call.end(McpResponses.cancelled());
      done();
      upstream.cancel();
    }

    private void done() {
      if (responseTransport != null) {
        McpCalls.responseSent(responseTransport, call);
      }
    }
  }
}
