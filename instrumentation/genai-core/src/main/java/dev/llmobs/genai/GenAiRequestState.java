package dev.llmobs.genai;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.LocalRootSpan;
import io.opentelemetry.instrumentation.api.internal.cache.weaklockfree.WeakConcurrentMap;

/**
 * What llmobs remembers about one request while it runs: the conversation id its store operations
 * touched last (which the GenAI calls that follow carry unless they name one) and the provider and
 * model of its last GenAI call (for log lines after the call). A request is its local root span
 * (the HTTP server span, a consumer span, ...), as upstream's instrumentations make it: the state
 * is keyed weakly on that span, so it lives as long as the span, and at most {@link #MAX_REQUESTS}
 * requests are tracked at once. Work outside any local root (no server or consumer span) has no
 * request, so nothing carries over between unrelated work on one thread.
 */
public final class GenAiRequestState {

  /** Requests tracked at once; beyond that a new request simply carries nothing over. */
  static final int MAX_REQUESTS = 10_000;

  private static final WeakConcurrentMap<Span, GenAiRequestState> STATES =
      new WeakConcurrentMap.WithInlinedExpunction<>();

  private volatile String conversationId;
  private volatile String provider;
  private volatile String model;
  private volatile boolean madeCalls;

  private GenAiRequestState() {}

  /** The state of the request {@code context} runs in, or null when there is none yet. */
  static GenAiRequestState find(Context context) {
    Span root = context == null ? null : LocalRootSpan.fromContextOrNull(context);
    return root == null ? null : STATES.getIfPresent(root);
  }

  private static GenAiRequestState findOrCreate(Context context) {
    Span root = context == null ? null : LocalRootSpan.fromContextOrNull(context);
    if (root == null) {
      return null;
    }
    GenAiRequestState state = STATES.getIfPresent(root);
    if (state == null && STATES.approximateSize() < MAX_REQUESTS) {
      GenAiRequestState created = new GenAiRequestState();
      state = STATES.putIfAbsent(root, created);
      if (state == null) {
        state = created;
      }
    }
    return state;
  }

  /**
   * A store operation of the request {@code context} runs in touched {@code conversationId}: the
   * request's GenAI calls that follow carry it (the latest one wins). Never throws.
   */
  public static void conversation(Context context, String conversationId) {
    if (conversationId == null) {
      return;
    }
    try {
      GenAiRequestState state = findOrCreate(context);
      if (state != null) {
        state.conversationId = GenAiStrings.cap(conversationId);
      }
    } catch (Throwable t) {
      GenAiFailures.record(GenAiFailures.CORE, t);
    }
  }

  /** The conversation id a store operation of the request touched last, or null. */
  static String conversationId(Context context) {
    GenAiRequestState state = find(context);
    return state == null ? null : state.conversationId;
  }

  /** A GenAI call starts in the request {@code context} runs in. */
  static void call(Context context, GenAiRequest request) {
    GenAiRequestState state = findOrCreate(context);
    if (state != null) {
      state.provider = request.providerName();
      state.model = request.requestModel();
      state.madeCalls = true;
    }
  }

  String conversationId() {
    return conversationId;
  }

  boolean madeCalls() {
    return madeCalls;
  }

  String provider() {
    return provider;
  }

  String model() {
    return model;
  }
}
