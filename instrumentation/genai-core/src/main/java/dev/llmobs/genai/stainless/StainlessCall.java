package dev.llmobs.genai.stainless;

import dev.llmobs.genai.GenAiCall;
import dev.llmobs.genai.GenAiFailures;
import dev.llmobs.genai.GenAiInstrumenter;
import java.util.concurrent.CompletableFuture;

/** One Stainless SDK method call in flight: what its advice keeps from enter to exit. */
public final class StainlessCall {

  private final StainlessSdk sdk;
  private final GenAiCall call;
  private final Object params;
  private final boolean streaming;
  private final boolean raw;
  private final boolean ownsScope;

  StainlessCall(
      StainlessSdk sdk,
      GenAiCall call,
      Object params,
      boolean streaming,
      boolean raw,
      boolean ownsScope) {
    this.sdk = sdk;
    this.call = call;
    this.params = params;
    this.streaming = streaming;
    this.raw = raw;
    this.ownsScope = ownsScope;
  }

  Object exit(Object result, Throwable error) {
    try {
      if (ownsScope) {
        call.closeScope();
      }
      if (error != null || result == null) {
        call.end(null, error);
        return result;
      }
      if (raw && !ownsScope && !streaming && !(result instanceof CompletableFuture)) {
        // A plain blocking create handed the call over: it parses and ends the span itself.
        return result;
      }
      return raw ? rawResult(result) : plainResult(result);
    } catch (Throwable t) {
      GenAiFailures.record(sdk.module(), t);
      call.end(null, null);
      return result;
    }
  }

  @SuppressWarnings("unchecked")
  private Object rawResult(Object result) {
    if (result instanceof CompletableFuture) {
      CompletableFuture<Object> wrapped =
          call.followOnCompletion((CompletableFuture<Object>) result, this::wrapRawResponse);
      call.innerFuture(wrapped);
      return wrapped;
    }
    return wrapRawResponse(result);
  }

  private Object wrapRawResponse(Object httpResponseFor) {
    return StainlessResponses.rawResponse(this, httpResponseFor);
  }

  // A plain create. Blocking: the parsed result ends the span. Async: the raw layer it called has
  // the span, and we only watch the future for cancellation.
  @SuppressWarnings("unchecked")
  private Object plainResult(Object result) {
    if (!(result instanceof CompletableFuture)) {
      return endWith(result);
    }
    if (!call.wasClaimed()) {
      // No raw layer took the call over (an SDK that does not go through it): end on completion.
      return call.endOnCompletion(
          (CompletableFuture<Object>) result,
          parsed -> sdk.response(parsed, GenAiInstrumenter.captureContentMaxLength()));
    }
    call.endWhenCancelled((CompletableFuture<?>) result);
    return result;
  }

  private Object endWith(Object result) {
    call.endWith(
        parsed -> sdk.response(parsed, GenAiInstrumenter.captureContentMaxLength()), result);
    return result;
  }

  StainlessSdk sdk() {
    return sdk;
  }

  GenAiCall call() {
    return call;
  }

  Object params() {
    return params;
  }

  boolean streaming() {
    return streaming;
  }
}
