package dev.llmobs.genai;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.instrumentation.api.instrumenter.OperationListener;
import java.util.Arrays;
import java.util.List;

/**
 * The GenAI client metrics, computed from the span's own attributes so that numbers on spans and in
 * metrics never disagree. Metric attributes are the low-cardinality ones only: never a response id
 * or a conversation id. Model names and the configured baggage labels go through a {@link
 * MetricLabelCap} (this class runs in the application's class loader, so it has a cap of its own,
 * apart from the cost metrics').
 */
final class GenAiClientMetrics implements OperationListener {

  // Semantic-convention bucket advice for gen_ai.client.token.usage.
  static final List<Long> TOKEN_BUCKETS =
      Arrays.asList(
          1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L, 262144L, 1048576L, 4194304L,
          16777216L, 67108864L);

  // Semantic-convention bucket advice for the duration histograms (seconds).
  static final List<Double> DURATION_BUCKETS =
      Arrays.asList(
          0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);

  private static final List<AttributeKey<?>> START_KEYS =
      Arrays.<AttributeKey<?>>asList(
          GenAiSemconv.OPERATION_NAME,
          GenAiSemconv.PROVIDER_NAME,
          GenAiSemconv.REQUEST_MODEL,
          GenAiSemconv.SERVER_ADDRESS,
          GenAiSemconv.SERVER_PORT);

  private static final ContextKey<State> STATE = ContextKey.named("llmobs-genai-metrics");

  private final LongHistogram tokenUsage;
  private final DoubleHistogram duration;
  private final DoubleHistogram timeToFirstChunk;
  private final DoubleHistogram timePerOutputChunk;
  private final LongCounter chunks;
  private final LongUpDownCounter activeRequests;
  private final LongCounter cacheReadTokens;
  private final MetricLabelCap labelCap;
  private final GenAiBaggageLabels baggageLabels;
  private final MetricLabelSets<MetricLabelSets.Key, Labels> startLabels = new MetricLabelSets<>();

  static GenAiClientMetrics create(Meter meter) {
    GenAiConfig config = GenAiConfig.fromAgent();
    return new GenAiClientMetrics(
        meter,
        new MetricLabelCap(config.metricsMaxLabelValues()),
        new GenAiBaggageLabels(config.costBaggageLabels()));
  }

  GenAiClientMetrics(Meter meter, MetricLabelCap labelCap, GenAiBaggageLabels baggageLabels) {
    this.labelCap = labelCap;
    this.baggageLabels = baggageLabels;
    tokenUsage =
        meter
            .histogramBuilder(GenAiSemconv.METRIC_TOKEN_USAGE)
            .ofLongs()
            .setUnit("{token}")
            .setDescription("Number of input and output tokens used")
            .setExplicitBucketBoundariesAdvice(TOKEN_BUCKETS)
            .build();
    duration = durationHistogram(meter);
    timeToFirstChunk =
        meter
            .histogramBuilder(GenAiSemconv.METRIC_TIME_TO_FIRST_CHUNK)
            .setUnit("s")
            .setDescription("Time to receive the first chunk of a streamed response")
            .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
            .build();
    timePerOutputChunk =
        meter
            .histogramBuilder(GenAiSemconv.METRIC_TIME_PER_OUTPUT_CHUNK)
            .setUnit("s")
            .setDescription("Mean time between output chunks after the first, per streamed call")
            .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
            .build();
    chunks =
        meter
            .counterBuilder(GenAiSemconv.METRIC_CHUNKS)
            .setUnit("{chunk}")
            .setDescription("Output chunks received in streamed responses")
            .build();
    activeRequests =
        meter
            .upDownCounterBuilder(GenAiSemconv.METRIC_ACTIVE_REQUESTS)
            .setUnit("{request}")
            .setDescription("GenAI calls in flight")
            .build();
    cacheReadTokens =
        meter
            .counterBuilder(GenAiSemconv.METRIC_TOKEN_CACHE_READ)
            .setUnit("{token}")
            .setDescription("Input tokens read from the provider's prompt cache (part of input)")
            .build();
  }

  /** {@code gen_ai.client.operation.duration}: inference calls', and agent and tool operations'. */
  static DoubleHistogram durationHistogram(Meter meter) {
    return meter
        .histogramBuilder(GenAiSemconv.METRIC_OPERATION_DURATION)
        .setUnit("s")
        .setDescription("GenAI operation duration")
        .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
        .build();
  }

  @Override
  public Context onStart(Context context, Attributes startAttributes, long startNanos) {
    Labels labels = labels(startAttributes, context);
    activeRequests.add(1, labels.start, context);
    return context.with(STATE, new State(labels, startNanos));
  }

  @Override
  public void onEnd(Context context, Attributes endAttributes, long endNanos) {
    State state = context.get(STATE);
    if (state == null) {
      return;
    }
    activeRequests.add(-1, state.labels.start, context);

    EndLabels end = state.labels.end(endAttributes.get(GenAiSemconv.RESPONSE_MODEL), this);
    Attributes withModel = end.withModel;
    String errorType = endAttributes.get(GenAiSemconv.ERROR_TYPE);
    Attributes withError =
        errorType == null
            ? withModel
            : withModel.toBuilder().put(GenAiSemconv.ERROR_TYPE, errorType).build();

    double seconds = (endNanos - state.startNanos) / 1_000_000_000.0;
    duration.record(seconds, withError, context);

    Long input = endAttributes.get(GenAiSemconv.USAGE_INPUT_TOKENS);
    if (input != null) {
      tokenUsage.record(input, end.input, context);
    }
    Long output = endAttributes.get(GenAiSemconv.USAGE_OUTPUT_TOKENS);
    if (output != null) {
      tokenUsage.record(output, end.output, context);
    }
    Long cacheRead = endAttributes.get(GenAiSemconv.USAGE_CACHE_READ_INPUT_TOKENS);
    if (cacheRead != null && cacheRead > 0) {
      cacheReadTokens.add(cacheRead, withModel, context);
    }

    Double firstChunk = endAttributes.get(GenAiSemconv.RESPONSE_TIME_TO_FIRST_CHUNK);
    Long chunkCount = endAttributes.get(GenAiSemconv.RESPONSE_CHUNK_COUNT);
    if (firstChunk != null) {
      timeToFirstChunk.record(firstChunk, withError, context);
    }
    if (chunkCount != null && chunkCount > 0) {
      chunks.add(chunkCount, withError, context);
      if (firstChunk != null && chunkCount > 1) {
        timePerOutputChunk.record(
            Math.max(0, seconds - firstChunk) / (chunkCount - 1), withError, context);
      }
    }
  }

  // Without baggage labels, the labels depend on the start attributes alone: built once each.
  private Labels labels(Attributes start, Context context) {
    if (!baggageLabels.isEmpty()) {
      return new Labels(select(start, Baggage.fromContext(context)), false);
    }
    MetricLabelSets.Key key =
        MetricLabelSets.key(
            start.get(GenAiSemconv.OPERATION_NAME),
            start.get(GenAiSemconv.PROVIDER_NAME),
            start.get(GenAiSemconv.REQUEST_MODEL),
            start.get(GenAiSemconv.SERVER_ADDRESS),
            start.get(GenAiSemconv.SERVER_PORT));
    Labels labels = startLabels.get(key);
    if (labels == null) {
      labels = startLabels.keep(key, new Labels(select(start, Baggage.empty()), true));
    }
    return labels;
  }

  EndLabels endLabels(Attributes start, String responseModel) {
    AttributesBuilder builder = start.toBuilder();
    if (responseModel != null) {
      builder.put(
          GenAiSemconv.RESPONSE_MODEL,
          labelCap.cap(GenAiSemconv.RESPONSE_MODEL.getKey(), responseModel));
    }
    Attributes withModel = builder.build();
    return new EndLabels(
        withModel,
        tokenType(withModel, GenAiSemconv.TOKEN_TYPE_INPUT),
        tokenType(withModel, GenAiSemconv.TOKEN_TYPE_OUTPUT));
  }

  private static Attributes tokenType(Attributes attributes, String type) {
    return attributes.toBuilder().put(GenAiSemconv.TOKEN_TYPE, type).build();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Attributes select(Attributes attributes, Baggage baggage) {
    AttributesBuilder builder = Attributes.builder();
    for (AttributeKey key : START_KEYS) {
      Object value = attributes.get(key);
      if (value != null) {
        builder.put(key, value);
      }
    }
    String requestModel = attributes.get(GenAiSemconv.REQUEST_MODEL);
    if (requestModel != null) {
      builder.put(
          GenAiSemconv.REQUEST_MODEL,
          labelCap.cap(GenAiSemconv.REQUEST_MODEL.getKey(), requestModel));
    }
    baggageLabels.putMetricLabels(baggageLabels.fromBaggage(baggage), builder, labelCap);
    return builder.build();
  }

  /** The labels of the calls with one set of start attributes, and their end labels. */
  static final class Labels {
    // Response models kept per start label set (they come from responses, so bounded here too).
    static final int MAX_RESPONSE_MODELS = 64;

    final Attributes start;
    private final MetricLabelSets<String, EndLabels> byResponseModel; // null: not kept
    private volatile EndLabels withoutResponseModel;

    Labels(Attributes start, boolean kept) {
      this.start = start;
      this.byResponseModel =
          kept ? new MetricLabelSets<String, EndLabels>(MAX_RESPONSE_MODELS) : null;
    }

    EndLabels end(String responseModel, GenAiClientMetrics metrics) {
      if (byResponseModel == null) {
        return metrics.endLabels(start, responseModel);
      }
      if (responseModel == null) {
        EndLabels end = withoutResponseModel;
        if (end == null) {
          end = metrics.endLabels(start, null);
          withoutResponseModel = end;
        }
        return end;
      }
      EndLabels end = byResponseModel.get(responseModel);
      if (end == null) {
        end = byResponseModel.keep(responseModel, metrics.endLabels(start, responseModel));
      }
      return end;
    }
  }

  /** The labels of a call's end: with the response model, and per token type. */
  static final class EndLabels {
    final Attributes withModel;
    final Attributes input;
    final Attributes output;

    EndLabels(Attributes withModel, Attributes input, Attributes output) {
      this.withModel = withModel;
      this.input = input;
      this.output = output;
    }
  }

  private static final class State {
    final Labels labels;
    final long startNanos;

    State(Labels labels, long startNanos) {
      this.labels = labels;
      this.startNanos = startNanos;
    }
  }
}
