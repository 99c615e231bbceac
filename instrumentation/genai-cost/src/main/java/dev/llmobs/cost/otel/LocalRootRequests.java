package dev.llmobs.cost.otel;

import static dev.llmobs.genai.GenAiSemconv.CACHE_MISS;
import static dev.llmobs.genai.GenAiSemconv.CACHE_RESULT;
import static dev.llmobs.genai.GenAiSemconv.CACHE_STATE_BYPASS;
import static dev.llmobs.genai.GenAiSemconv.CACHE_STATE_MISS;
import static dev.llmobs.genai.GenAiSemconv.REQUEST_CALLS;
import static dev.llmobs.genai.GenAiSemconv.REQUEST_COST_AMOUNT;
import static dev.llmobs.genai.GenAiSemconv.REQUEST_INPUT_TOKENS;
import static dev.llmobs.genai.GenAiSemconv.REQUEST_OUTPUT_TOKENS;
import static dev.llmobs.genai.GenAiSemconv.STORE_CACHE_GET;
import static dev.llmobs.genai.GenAiSemconv.STORE_OPERATION;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.LocalRootSpan;
import io.opentelemetry.instrumentation.api.internal.cache.weaklockfree.WeakConcurrentMap;
import io.opentelemetry.sdk.trace.ReadableSpan;
import java.math.BigDecimal;

/**
 * What the cost processor keeps per request, a request being a local root span (the HTTP server
 * span, a consumer span: what upstream's instrumentations start for incoming work): the running
 * totals of its GenAI calls, written onto the local root span as {@code
 * llmobs.request.gen_ai.calls}, {@code ...usage.input_tokens}, {@code ...usage.output_tokens} and
 * {@code ...usage.cost.amount} after each call (so operators can sort requests by cost, and the
 * application side reads them back for its log lines, see GenAiRequestTotals), and whether a cache
 * lookup of the request missed (a usage event's {@code cache_state}). Weak keys, bounded in count:
 * state lives as long as its span, and at most {@link #MAX_REQUESTS} requests are tracked at once.
 */
final class LocalRootRequests {

  static final int MAX_REQUESTS = 10_000;

  // GenAI and store spans still running -> their local root span.
  private final WeakConcurrentMap<ReadableSpan, Span> roots =
      new WeakConcurrentMap.WithInlinedExpunction<>();
  private final WeakConcurrentMap<Span, Totals> requests =
      new WeakConcurrentMap.WithInlinedExpunction<>();

  /** A GenAI or store span starts in {@code parentContext}: remembers the request it is part of. */
  void started(Context parentContext, ReadableSpan span) {
    Span root = LocalRootSpan.fromContextOrNull(parentContext);
    if (root != null && roots.approximateSize() < MAX_REQUESTS) {
      roots.put(span, root);
    }
  }

  /**
   * A GenAI span ends: adds its tokens and cost to its request's totals and writes them onto the
   * local root span. Returns the call's cache state.
   */
  String callEnded(ReadableSpan span, Long input, Long output, BigDecimal cost) {
    Span root = roots.remove(span);
    Totals totals = root == null ? null : totals(root);
    if (totals == null) {
      return CACHE_STATE_BYPASS;
    }
    // Calls of one request may end on several threads at once.
    synchronized (totals) {
      totals.calls++;
      totals.input += input == null ? 0 : input;
      totals.output += output == null ? 0 : output;
      if (cost != null) {
        totals.cost = totals.cost == null ? cost : totals.cost.add(cost);
      }
      root.setAttribute(REQUEST_CALLS, totals.calls);
      root.setAttribute(REQUEST_INPUT_TOKENS, totals.input);
      root.setAttribute(REQUEST_OUTPUT_TOKENS, totals.output);
      if (totals.cost != null) {
        root.setAttribute(REQUEST_COST_AMOUNT, totals.cost.doubleValue());
      }
      return totals.cacheMissed ? CACHE_STATE_MISS : CACHE_STATE_BYPASS;
    }
  }

  /** A store span ends: a cache lookup that missed marks its request. */
  void storeEnded(ReadableSpan span) {
    Span root = roots.remove(span);
    if (root != null
        && STORE_CACHE_GET.equals(span.getAttribute(STORE_OPERATION))
        && CACHE_MISS.equals(span.getAttribute(CACHE_RESULT))) {
      Totals totals = totals(root);
      if (totals != null) {
        synchronized (totals) {
          totals.cacheMissed = true;
        }
      }
    }
  }

  private Totals totals(Span root) {
    Totals totals = requests.getIfPresent(root);
    if (totals == null && requests.approximateSize() < MAX_REQUESTS) {
      Totals created = new Totals();
      totals = requests.putIfAbsent(root, created);
      if (totals == null) {
        totals = created;
      }
    }
    return totals;
  }

  private static final class Totals {
    long calls;
    long input;
    long output;
    BigDecimal cost;
    boolean cacheMissed;
  }
}
