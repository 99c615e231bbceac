package dev.llmobs.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmobs.genai.GenAiSemconv;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GenAiRecordingSamplerTest {

  static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  static final Attributes GEN_AI = Attributes.of(GenAiSemconv.OPERATION_NAME, "chat");

  final InMemorySpanExporter exported = InMemorySpanExporter.create();
  final List<ReadableSpan> processed = new CopyOnWriteArrayList<>();
  SdkTracerProvider tracerProvider;

  @AfterEach
  void shutdown() {
    if (tracerProvider != null) {
      tracerProvider.shutdown();
    }
  }

  static SamplingResult decide(Sampler sampler, Attributes attributes) {
    return sampler.shouldSample(
        Context.root(),
        TRACE_ID,
        "chat gpt-4o",
        SpanKind.CLIENT,
        attributes,
        Collections.<LinkData>emptyList());
  }

  @Test
  void aDroppedGenAiSpanIsRecordedOnlyAndEverythingElseIsTheDelegatesDecision() {
    Sampler off = new GenAiRecordingSampler(Sampler.alwaysOff());
    assertThat(decide(off, GEN_AI).getDecision()).isEqualTo(SamplingDecision.RECORD_ONLY);
    assertThat(decide(off, Attributes.empty()).getDecision()).isEqualTo(SamplingDecision.DROP);

    Sampler on = new GenAiRecordingSampler(Sampler.alwaysOn());
    assertThat(decide(on, GEN_AI).getDecision()).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(on.getDescription()).isEqualTo("LlmobsGenAiRecordingSampler{AlwaysOnSampler}");
  }

  @Test
  void keepsTheDelegatesTraceStateAndAttributes() {
    TraceState state = TraceState.builder().put("vendor", "x").build();
    Attributes extra = Attributes.of(GenAiSemconv.SERVER_ADDRESS, "sampler");
    Sampler dropping =
        new Sampler() {
          @Override
          public SamplingResult shouldSample(
              Context parentContext,
              String traceId,
              String name,
              SpanKind spanKind,
              Attributes attributes,
              List<LinkData> parentLinks) {
            return new SamplingResult() {
              @Override
              public SamplingDecision getDecision() {
                return SamplingDecision.DROP;
              }

              @Override
              public Attributes getAttributes() {
                return extra;
              }

              @Override
              public TraceState getUpdatedTraceState(TraceState parentTraceState) {
                return state;
              }
            };
          }

          @Override
          public String getDescription() {
            return "dropping";
          }
        };
    SamplingResult result = decide(new GenAiRecordingSampler(dropping), GEN_AI);
    assertThat(result.getDecision()).isEqualTo(SamplingDecision.RECORD_ONLY);
    assertThat(result.getAttributes()).isEqualTo(extra);
    assertThat(result.getUpdatedTraceState(TraceState.getDefault())).isEqualTo(state);
  }

  Tracer tracer(Sampler sampler) {
    tracerProvider =
        SdkTracerProvider.builder()
            .setSampler(new GenAiRecordingSampler(sampler))
            .addSpanProcessor(new Recorder())
            .addSpanProcessor(SimpleSpanProcessor.create(exported))
            .build();
    return tracerProvider.get("test");
  }

  /** server span -> GenAI span -> HTTP client span, as in the gateway; returns the traceparent. */
  String request(Tracer tracer) {
    Span server = tracer.spanBuilder("POST /v1/chat").setSpanKind(SpanKind.SERVER).startSpan();
    Span chat =
        tracer
            .spanBuilder("chat gpt-4o")
            .setSpanKind(SpanKind.CLIENT)
            .setParent(Context.root().with(server))
            .setAllAttributes(GEN_AI)
            .startSpan();
    Span http =
        tracer
            .spanBuilder("POST")
            .setSpanKind(SpanKind.CLIENT)
            .setParent(Context.root().with(chat))
            .startSpan();
    Map<String, String> headers = new HashMap<>();
    W3CTraceContextPropagator.getInstance().inject(Context.root().with(http), headers, Map::put);
    http.end();
    chat.end();
    server.end();
    return headers.get("traceparent");
  }

  @Test
  void inAnUnsampledTraceOnlyTheGenAiSpanIsRecordedAndNothingIsExported() {
    // parentbased_traceidratio at ratio 0 drops every root, like the 90% of a 0.1 ratio.
    String traceparent = request(tracer(Sampler.parentBased(Sampler.traceIdRatioBased(0))));

    assertThat(exported.getFinishedSpanItems()).isEmpty();
    assertThat(processed).extracting(ReadableSpan::getName).containsExactly("chat gpt-4o");
    ReadableSpan chat = processed.get(0);
    assertThat(chat.getSpanContext().isSampled()).isFalse();
    // The server span was dropped, so the GenAI span names a parent nobody will export; the HTTP
    // child is dropped too (its parent is not sampled), and the upstream is told "not sampled".
    assertThat(chat.getParentSpanContext().isValid()).isTrue();
    assertThat(traceparent).contains(chat.getSpanContext().getTraceId());
    assertThat(sampledFlag(traceparent)).isFalse();
  }

  @Test
  void aSampledTraceIsUnchanged() {
    String traceparent = request(tracer(Sampler.parentBased(Sampler.traceIdRatioBased(1))));

    assertThat(exported.getFinishedSpanItems())
        .extracting(s -> s.getName())
        .containsExactly("POST", "chat gpt-4o", "POST /v1/chat");
    assertThat(processed).hasSize(3);
    assertThat(sampledFlag(traceparent)).isTrue();
  }

  // The last field of a traceparent is the trace flags; bit 0 is "sampled" (SDK 1.65 also sets
  // bit 1, "random trace id").
  static boolean sampledFlag(String traceparent) {
    String flags = traceparent.substring(traceparent.lastIndexOf('-') + 1);
    return (Integer.parseInt(flags, 16) & 1) == 1;
  }

  @Test
  void theAutoConfigurationCustomizerWrapsTheConfiguredSamplerUnlessTurnedOff() {
    assertThat(configuredSampler(Collections.<String, String>emptyMap()))
        .isEqualTo("LlmobsGenAiRecordingSampler{AlwaysOffSampler}");
    assertThat(
            configuredSampler(
                Collections.singletonMap(
                    "otel.instrumentation.genai.cost.record-unsampled", "false")))
        .isEqualTo("AlwaysOffSampler");
    assertThat(
            configuredSampler(
                Collections.singletonMap("otel.instrumentation.genai.cost.enabled", "false")))
        .isEqualTo("AlwaysOffSampler");
  }

  static String configuredSampler(Map<String, String> extra) {
    Map<String, String> properties = new HashMap<>();
    properties.put("otel.traces.sampler", "always_off");
    properties.put("otel.traces.exporter", "none");
    properties.put("otel.metrics.exporter", "none");
    properties.put("otel.logs.exporter", "none");
    properties.put("otel.instrumentation.genai.usage.logs.enabled", "false");
    properties.putAll(extra);
    AutoConfiguredOpenTelemetrySdk sdk =
        AutoConfiguredOpenTelemetrySdk.builder()
            // A customizer, not a supplier: it overrides the distro's supplied defaults.
            .addPropertiesCustomizer(config -> properties)
            .disableShutdownHook()
            .build();
    try {
      return sdk.getOpenTelemetrySdk().getSdkTracerProvider().getSampler().getDescription();
    } finally {
      sdk.getOpenTelemetrySdk().close();
    }
  }

  /** A span processor like the cost processor: it sees every recorded span. */
  final class Recorder implements SpanProcessor {
    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      processed.add(span);
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }
  }
}
