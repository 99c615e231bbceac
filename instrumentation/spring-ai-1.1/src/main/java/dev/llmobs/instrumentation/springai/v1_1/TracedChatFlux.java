package dev.llmobs.instrumentation.springai.v1_1;

import dev.llmobs.genai.GenAiCall;
import dev.llmobs.genai.GenAiFailures;
import dev.llmobs.genai.GenAiInstrumenter;
import dev.llmobs.genai.GenAiRequest;
import dev.llmobs.genai.GenAiStream;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.reactivestreams.Subscription;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;

/**
 * The Flux a traced {@code stream(Prompt)} returns. The call starts when the Flux is subscribed,
 * not when it is made: Spring AI sends the request only then, a Flux that is never subscribed sends
 * nothing (and so leaves no span), and a Flux subscribed twice sends two requests (two spans). The
 * span's parent is the context {@code stream} was called in; the provider's request (and any SDK it
 * uses, which then starts nothing) runs inside the span, while the subscriber's callbacks run in
 * the subscriber's own context, after the span has seen each signal. The span ends on complete,
 * error or cancel; a subscription that is then left hanging ends as abandoned (the core's stream
 * watch).
 */
final class TracedChatFlux extends FluxOperator<ChatResponse, ChatResponse> {

  private final GenAiRequest request;
  private final Context assemblyContext;

  TracedChatFlux(Flux<ChatResponse> source, GenAiRequest request, Context assemblyContext) {
    super(source);
    this.request = request;
    this.assemblyContext = assemblyContext;
  }

  @Override
  public void subscribe(CoreSubscriber<? super ChatResponse> actual) {
    Context subscriberContext = Context.current();
    TracedSubscriber traced = null;
    GenAiCall call = null;
    Scope assemblyScope = null;
    try {
      if (GenAiCall.current(subscriberContext) == null) {
        assemblyScope = assemblyContext.makeCurrent();
        call = GenAiCall.start(SpringAiChat.MODULE, request);
        if (call != null) {
          GenAiStream<ChatResponse> stream =
              call.stream(
                  new SpringAiChatStreamAccumulator(
                      request.providerName(), GenAiInstrumenter.captureContentMaxLength()));
          traced = new TracedSubscriber(actual, stream, subscriberContext, Context.current());
        }
      }
    } catch (Throwable t) {
      GenAiFailures.record(SpringAiChat.MODULE, t);
    }
    if (traced == null) {
      close(null, assemblyScope);
      source.subscribe(actual);
      return;
    }
    try {
      source.subscribe(traced);
    } catch (RuntimeException | Error e) {
      traced.stream.fail(e);
      throw e;
    } finally {
      close(call, assemblyScope);
    }
  }

  private static void close(GenAiCall call, Scope assemblyScope) {
    if (call != null) {
      call.closeScope();
    }
    if (assemblyScope != null) {
      assemblyScope.close();
    }
  }

  /**
   * Sees every signal on its way down, after which the subscriber gets it in its own context; the
   * subscriber's demand and cancellation go up in the call's context, where the provider may start
   * its request.
   */
  static final class TracedSubscriber implements CoreSubscriber<ChatResponse>, Subscription {
    private final CoreSubscriber<? super ChatResponse> actual;
    final GenAiStream<ChatResponse> stream;
    private final Context subscriberContext;
    private final Context callContext;
    private Subscription upstream;

    TracedSubscriber(
        CoreSubscriber<? super ChatResponse> actual,
        GenAiStream<ChatResponse> stream,
        Context subscriberContext,
        Context callContext) {
      this.actual = actual;
      this.stream = stream;
      this.subscriberContext = subscriberContext;
      this.callContext = callContext;
    }

    @Override
    public reactor.util.context.Context currentContext() {
      return actual.currentContext();
    }

    @Override
    public void onSubscribe(Subscription subscription) {
      upstream = subscription;
      try (Scope ignored = subscriberContext.makeCurrent()) {
        actual.onSubscribe(this);
      }
    }

    @Override
    public void onNext(ChatResponse response) {
      stream.onChunk(response);
      try (Scope ignored = subscriberContext.makeCurrent()) {
        actual.onNext(response);
      }
    }

    @Override
    public void onError(Throwable error) {
      stream.fail(error);
      try (Scope ignored = subscriberContext.makeCurrent()) {
        actual.onError(error);
      }
    }

    @Override
    public void onComplete() {
      stream.complete();
      try (Scope ignored = subscriberContext.makeCurrent()) {
        actual.onComplete();
      }
    }

    @Override
    public void request(long n) {
      try (Scope ignored = callContext.makeCurrent()) {
        upstream.request(n);
      }
    }

    @Override
    public void cancel() {
      stream.closedByCaller();
      upstream.cancel();
    }
  }
}
