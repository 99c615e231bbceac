package dev.llmobs.cost.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * What one GenAI call used and cost, built from its span when the span ends. Absent values are
 * {@code null} (token counts the provider did not report, cost of a model without a price, the
 * tenant of a call without the tenant baggage entry).
 */
public final class UsageEvent {

  /** How the call ended, from its {@code error.type} and span status. */
  public enum Outcome {
    SUCCESS("success"),
    ERROR("error"),
    CANCELLED("cancelled"),
    TIMED_OUT("timed_out");

    private final String value;

    Outcome(String value) {
      this.value = value;
    }

    /** The wire value: {@code success}, {@code error}, {@code cancelled}, {@code timed_out}. */
    public String value() {
      return value;
    }
  }

  private final Instant time;
  private final String traceId;
  private final String spanId;
  private final boolean traceSampled;
  private final String requestId;
  private final String tenant;
  private final String conversationId;
  private final String cacheState;
  private final String operation;
  private final String provider;
  private final String model;
  private final String responseModel;
  private final String pricedAs;
  private final Long inputTokens;
  private final Long outputTokens;
  private final Long cacheReadTokens;
  private final Long cacheWriteTokens;
  private final Long reasoningTokens;
  private final BigDecimal cost;
  private final List<String> finishReasons;
  private final Outcome outcome;
  private final double latencyMillis;

  private UsageEvent(Builder b) {
    this.time = b.time;
    this.traceId = b.traceId;
    this.spanId = b.spanId;
    this.traceSampled = b.traceSampled;
    this.requestId = b.requestId;
    this.tenant = b.tenant;
    this.conversationId = b.conversationId;
    this.cacheState = b.cacheState;
    this.operation = b.operation;
    this.provider = b.provider;
    this.model = b.model;
    this.responseModel = b.responseModel;
    this.pricedAs = b.pricedAs;
    this.inputTokens = b.inputTokens;
    this.outputTokens = b.outputTokens;
    this.cacheReadTokens = b.cacheReadTokens;
    this.cacheWriteTokens = b.cacheWriteTokens;
    this.reasoningTokens = b.reasoningTokens;
    this.cost = b.cost;
    this.finishReasons =
        b.finishReasons == null
            ? Collections.<String>emptyList()
            : Collections.unmodifiableList(b.finishReasons);
    this.outcome = b.outcome == null ? Outcome.SUCCESS : b.outcome;
    this.latencyMillis = b.latencyMillis;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** When the call ended. */
  public Instant time() {
    return time;
  }

  public String traceId() {
    return traceId;
  }

  public String spanId() {
    return spanId;
  }

  /**
   * Whether the call's trace is sampled, i.e. exported. False for a GenAI span that was recorded
   * only so that it is priced (see {@code otel.instrumentation.genai.cost.record-unsampled}): its
   * trace and span ids are then not found in the tracing backend.
   */
  public boolean traceSampled() {
    return traceSampled;
  }

  /** The provider's id for the call ({@code gen_ai.response.id}), when known. */
  public String requestId() {
    return requestId;
  }

  public String tenant() {
    return tenant;
  }

  /**
   * The call's {@code gen_ai.conversation.id}: its request's own, or the one a store operation of
   * the same request touched.
   */
  public String conversationId() {
    return conversationId;
  }

  /**
   * {@code miss} when the call followed a cache miss in its request (a store operation {@code
   * cache_get} that found nothing), else {@code bypass}.
   */
  public String cacheState() {
    return cacheState;
  }

  /** {@code gen_ai.operation.name}, e.g. {@code chat}. */
  public String operation() {
    return operation;
  }

  public String provider() {
    return provider;
  }

  /** The model the application asked for ({@code gen_ai.request.model}). */
  public String model() {
    return model;
  }

  /** The model that answered ({@code gen_ai.response.model}), e.g. a dated snapshot. */
  public String responseModel() {
    return responseModel;
  }

  /** The model that was effectively used: the response model, else the request model. */
  public String effectiveModel() {
    return responseModel != null ? responseModel : model;
  }

  /** The catalog entry that priced the call, {@code provider/model-id}; null when unpriced. */
  public String pricedAs() {
    return pricedAs;
  }

  public Long inputTokens() {
    return inputTokens;
  }

  public Long outputTokens() {
    return outputTokens;
  }

  public Long cacheReadTokens() {
    return cacheReadTokens;
  }

  public Long cacheWriteTokens() {
    return cacheWriteTokens;
  }

  public Long reasoningTokens() {
    return reasoningTokens;
  }

  /** Input plus output tokens, when both are known. */
  public Long totalTokens() {
    return inputTokens == null || outputTokens == null ? null : inputTokens + outputTokens;
  }

  /** The exact cost in USD, or null when the model has no price or the call reported no usage. */
  public BigDecimal cost() {
    return cost;
  }

  public String currency() {
    return "USD";
  }

  public List<String> finishReasons() {
    return finishReasons;
  }

  public Outcome outcome() {
    return outcome;
  }

  public double latencyMillis() {
    return latencyMillis;
  }

  /** Fills a {@link UsageEvent}. */
  public static final class Builder {
    private Instant time = Instant.EPOCH;
    private String traceId;
    private String spanId;
    private boolean traceSampled = true;
    private String requestId;
    private String tenant;
    private String conversationId;
    private String cacheState;
    private String operation;
    private String provider;
    private String model;
    private String responseModel;
    private String pricedAs;
    private Long inputTokens;
    private Long outputTokens;
    private Long cacheReadTokens;
    private Long cacheWriteTokens;
    private Long reasoningTokens;
    private BigDecimal cost;
    private List<String> finishReasons;
    private Outcome outcome;
    private double latencyMillis;

    private Builder() {}

    public Builder time(Instant time) {
      this.time = time;
      return this;
    }

    public Builder traceId(String traceId) {
      this.traceId = traceId;
      return this;
    }

    public Builder spanId(String spanId) {
      this.spanId = spanId;
      return this;
    }

    public Builder traceSampled(boolean traceSampled) {
      this.traceSampled = traceSampled;
      return this;
    }

    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    public Builder tenant(String tenant) {
      this.tenant = tenant;
      return this;
    }

    public Builder conversationId(String conversationId) {
      this.conversationId = conversationId;
      return this;
    }

    public Builder cacheState(String cacheState) {
      this.cacheState = cacheState;
      return this;
    }

    public Builder operation(String operation) {
      this.operation = operation;
      return this;
    }

    public Builder provider(String provider) {
      this.provider = provider;
      return this;
    }

    public Builder model(String model) {
      this.model = model;
      return this;
    }

    public Builder responseModel(String responseModel) {
      this.responseModel = responseModel;
      return this;
    }

    public Builder pricedAs(String pricedAs) {
      this.pricedAs = pricedAs;
      return this;
    }

    public Builder tokens(
        Long input, Long output, Long cacheRead, Long cacheWrite, Long reasoning) {
      this.inputTokens = input;
      this.outputTokens = output;
      this.cacheReadTokens = cacheRead;
      this.cacheWriteTokens = cacheWrite;
      this.reasoningTokens = reasoning;
      return this;
    }

    public Builder cost(BigDecimal cost) {
      this.cost = cost;
      return this;
    }

    public Builder finishReasons(List<String> finishReasons) {
      this.finishReasons = finishReasons;
      return this;
    }

    public Builder outcome(Outcome outcome) {
      this.outcome = outcome;
      return this;
    }

    public Builder latencyMillis(double latencyMillis) {
      this.latencyMillis = latencyMillis;
      return this;
    }

    public UsageEvent build() {
      return new UsageEvent(this);
    }
  }
}
