package dev.llmobs.cost.otel;

import static dev.llmobs.genai.GenAiSemconv.COST_CURRENCY_USD;
import static dev.llmobs.genai.GenAiSemconv.COST_SOURCE_LOCAL;
import static dev.llmobs.genai.GenAiSemconv.OPERATION_NAME;
import static dev.llmobs.genai.GenAiSemconv.PROVIDER_NAME;
import static dev.llmobs.genai.GenAiSemconv.REQUEST_MODEL;
import static dev.llmobs.genai.GenAiSemconv.RESPONSE_MODEL;
import static dev.llmobs.genai.GenAiSemconv.STORE_OPERATION;
import static dev.llmobs.genai.GenAiSemconv.SYSTEM;
import static dev.llmobs.genai.GenAiSemconv.USAGE_CACHE_CREATION_INPUT_TOKENS;
import static dev.llmobs.genai.GenAiSemconv.USAGE_CACHE_READ_INPUT_TOKENS;
import static dev.llmobs.genai.GenAiSemconv.USAGE_COST_AMOUNT;
import static dev.llmobs.genai.GenAiSemconv.USAGE_COST_CURRENCY;
import static dev.llmobs.genai.GenAiSemconv.USAGE_COST_SOURCE;
import static dev.llmobs.genai.GenAiSemconv.USAGE_INPUT_TOKENS;
import static dev.llmobs.genai.GenAiSemconv.USAGE_OUTPUT_TOKENS;
import static dev.llmobs.genai.GenAiSemconv.USAGE_REASONING_OUTPUT_TOKENS;

import dev.llmobs.cost.CostCalculator;
import dev.llmobs.cost.PriceLookup;
import dev.llmobs.cost.TokenUsage;
import dev.llmobs.cost.catalog.ResolvedModel;
import dev.llmobs.cost.usage.UsageEventDispatcher;
import dev.llmobs.genai.GenAiBaggageLabels;
import dev.llmobs.genai.GenAiFailures;
import dev.llmobs.genai.GenAiSemconv;
import dev.llmobs.genai.GenAiStrings;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.internal.ExtendedSpanProcessor;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Puts cost on every GenAI span with usage, whoever made it: when the span ends ({@code onEnding},
 * while it is still writable) it reads the {@code gen_ai.*} attributes, prices the call from the
 * catalog and sets {@code gen_ai.usage.cost.amount/currency/source}, records the cost metrics, and
 * enqueues a usage event. Span attributes are the only contract with the instrumentation side.
 *
 * <p>It also keeps the totals of each request (local root span) that makes GenAI calls on that
 * span, and tells a call that followed a cache miss of its request ({@link LocalRootRequests}).
 */
public final class CostSpanProcessor implements ExtendedSpanProcessor {

  /** Names the cost processor's and usage events' failures in llmobs.instrumentation.failures. */
  public static final String MODULE = "genai-cost";

  private static final Logger logger = Logger.getLogger(CostSpanProcessor.class.getName());
  private static final int MAX_REPORTED = 1000;

  private final Supplier<PriceLookup> lookup;
  private final Runnable prepareLookup;
  private final Supplier<CostMetrics> metrics;
  private final UsageEventDispatcher dispatcher; // null: no usage events
  private final String tenantBaggageKey;
  private final GenAiBaggageLabels baggageLabels;
  private final Map<ReadableSpan, String> tenants =
      Collections.synchronizedMap(new WeakHashMap<ReadableSpan, String>());
  private volatile boolean tenantsSeen;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();
  private final LocalRootRequests requests = new LocalRootRequests();

  CostSpanProcessor(
      Supplier<PriceLookup> lookup,
      Supplier<CostMetrics> metrics,
      UsageEventDispatcher dispatcher,
      String tenantBaggageKey,
      GenAiBaggageLabels baggageLabels) {
    this(lookup, () -> {}, metrics, dispatcher, tenantBaggageKey, baggageLabels);
  }

  /** {@code prepareLookup} runs when a GenAI span starts: time to get the catalog ready. */
  CostSpanProcessor(
      Supplier<PriceLookup> lookup,
      Runnable prepareLookup,
      Supplier<CostMetrics> metrics,
      UsageEventDispatcher dispatcher,
      String tenantBaggageKey,
      GenAiBaggageLabels baggageLabels) {
    this.lookup = lookup;
    this.prepareLookup = prepareLookup;
    this.metrics = metrics;
    this.dispatcher = dispatcher;
    this.tenantBaggageKey = tenantBaggageKey;
    this.baggageLabels = baggageLabels;
  }

  /**
   * The provider as spans name it: {@code gen_ai.provider.name}, else the older {@code
   * gen_ai.system}.
   */
  static String provider(String providerName, String system) {
    return providerName != null ? providerName : system;
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    boolean genAi = span.getAttribute(OPERATION_NAME) != null;
    if (!genAi && span.getAttribute(STORE_OPERATION) == null) {
      return;
    }
    requests.started(parentContext, span);
    if (genAi) {
      prepareLookup.run();
    }
    // The tenant travels as baggage in the caller's context; the span may end elsewhere.
    if (!genAi || dispatcher == null || tenantBaggageKey == null) {
      return;
    }
    Baggage baggage = Baggage.fromContext(parentContext);
    // Set at start so the span carries them however it ends; onEnding reads them back as labels.
    span.setAllAttributes(baggageLabels.fromBaggage(baggage));
    String tenant = baggage.getEntryValue(tenantBaggageKey);
    if (tenant != null) {
      tenantsSeen = true;
      tenants.put(span, tenant);
    }
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  @Override
  public void onEnding(ReadWriteSpan span) {
    String operation = span.getAttribute(OPERATION_NAME);
    try {
      if (operation == null) {
        if (span.getAttribute(STORE_OPERATION) != null) {
          requests.storeEnded(span);
        }
        return;
      }
      // An agent or tool span runs inference calls: their spans carry the tokens, cost and events.
      if (GenAiSemconv.isAgentOperation(operation)) {
        return;
      }
      price(span, operation);
    } catch (Throwable t) {
      GenAiFailures.record(MODULE, t);
    }
  }

  private void price(ReadWriteSpan span, String operation) {
    String provider = provider(span.getAttribute(PROVIDER_NAME), span.getAttribute(SYSTEM));
    String requestModel = span.getAttribute(REQUEST_MODEL);
    String responseModel = span.getAttribute(RESPONSE_MODEL);
    Long input = span.getAttribute(USAGE_INPUT_TOKENS);
    Long output = span.getAttribute(USAGE_OUTPUT_TOKENS);
    BigDecimal cost = null;
    String pricedAs = null;
    if ((input != null || output != null) && (requestModel != null || responseModel != null)) {
      ResolvedModel model = lookup.get().find(provider, responseModel, requestModel);
      if (model == null) {
        CostMetrics costMetrics = metrics.get();
        costMetrics.recordUnpriced(
            provider, operation, requestModel, responseModel, labelSource(costMetrics, span));
        reportUnpriced(provider, responseModel != null ? responseModel : requestModel);
      } else {
        cost = cost(model, span, input, output);
        if (cost != null) {
          pricedAs = model.toString();
          span.setAttribute(USAGE_COST_AMOUNT, cost.doubleValue());
          span.setAttribute(USAGE_COST_CURRENCY, COST_CURRENCY_USD);
          span.setAttribute(USAGE_COST_SOURCE, COST_SOURCE_LOCAL);
          CostMetrics costMetrics = metrics.get();
          costMetrics.recordCost(
              cost,
              provider,
              operation,
              requestModel,
              responseModel,
              labelSource(costMetrics, span));
        }
      }
    }
    String cacheState = requests.callEnded(span, input, output, cost);
    if (dispatcher != null) {
      String tenant = tenant(span);
      BigDecimal eventCost = cost;
      String eventPricedAs = pricedAs;
      // The span has its end time and status now; the snapshot is taken on the event thread.
      dispatcher.offer(
          () ->
              SpanUsageEvents.from(
                  span.toSpanData(), tenant, eventCost, eventPricedAs, cacheState));
    }
  }

  // A copy of every span attribute is only worth making when baggage labels are read from it.
  private static Attributes labelSource(CostMetrics costMetrics, ReadableSpan span) {
    return costMetrics.readsSpanAttributes() ? span.getAttributes() : Attributes.empty();
  }

  /**
   * Null when the span's token counts contradict each other (reported once per model) or the price
   * cannot be computed (a failure of this module).
   */
  private BigDecimal cost(ResolvedModel model, ReadableSpan span, Long input, Long output) {
    TokenUsage usage;
    try {
      usage =
          TokenUsage.of(
              orZero(input),
              orZero(span.getAttribute(USAGE_CACHE_READ_INPUT_TOKENS)),
              orZero(span.getAttribute(USAGE_CACHE_CREATION_INPUT_TOKENS)),
              orZero(output),
              orZero(span.getAttribute(USAGE_REASONING_OUTPUT_TOKENS)));
    } catch (IllegalArgumentException e) {
      if (reportedOnce("inconsistent " + model)) {
        logger.warning(
            "llmobs: span '"
                + GenAiStrings.forLog(span.getName())
                + "' has inconsistent token counts ("
                + e.getMessage()
                + "); such calls of "
                + GenAiStrings.forLog(model.toString())
                + " get no cost (logged once)");
      }
      return null;
    }
    try {
      return CostCalculator.cost(model.pricesAt(System.currentTimeMillis()), usage);
    } catch (RuntimeException e) {
      // A price whose arithmetic fails (a valid but absurd number in a price file) loses only the
      // cost: the request totals and the usage event still get the call's tokens.
      GenAiFailures.record(MODULE, e);
      return null;
    }
  }

  private boolean reportedOnce(String key) {
    return reported.size() < MAX_REPORTED && reported.add(key);
  }

  private String tenant(ReadableSpan span) {
    if (tenantBaggageKey == null) {
      return null;
    }
    // Most applications never set the baggage: no lock on the map for them.
    String tenant = tenantsSeen ? tenants.remove(span) : null;
    // Baggage comes from clients: capped like every other hostile string on the usage event.
    return GenAiStrings.cap(
        tenant != null ? tenant : Baggage.current().getEntryValue(tenantBaggageKey));
  }

  private void reportUnpriced(String provider, String model) {
    if (reportedOnce("unpriced " + provider + "/" + model)) {
      logger.info(
          "llmobs: no price for model '"
              + GenAiStrings.forLog(model)
              + "' of provider '"
              + GenAiStrings.forLog(provider)
              + "': its calls get no cost attributes and are counted in gen_ai.client.cost.unpriced"
              + " (add a price with -Dotel.instrumentation.genai.pricing.file=...)");
    }
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  @Override
  public boolean isOnEndingRequired() {
    return true;
  }

  @Override
  public void onEnd(ReadableSpan span) {}

  @Override
  public boolean isEndRequired() {
    return false;
  }

  @Override
  public CompletableResultCode forceFlush() {
    if (dispatcher != null && !dispatcher.flush(5_000)) {
      return CompletableResultCode.ofFailure();
    }
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    if (dispatcher != null) {
      dispatcher.close(5_000);
    }
    return CompletableResultCode.ofSuccess();
  }
}
