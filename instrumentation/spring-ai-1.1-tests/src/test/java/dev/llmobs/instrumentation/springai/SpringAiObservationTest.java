package dev.llmobs.instrumentation.springai;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.observation.ChatModelMeterObservationHandler;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.embedding.EmbeddingModel;

/**
 * Spring AI's own Micrometer observations. Without an observation registry (NOOP, the default)
 * there is nothing to defer to; with a real one and Micrometer Tracing's OpenTelemetry bridge,
 * Spring AI would add a {@code chat {model}} span and {@code gen_ai.client.*} meters of its own to
 * each model call: llmobs takes the call over, its span stays the one GenAI span, and Spring AI's
 * model observation is switched off for that call, while the application's other observations (here
 * one around the call) keep working and parent our span.
 */
class SpringAiObservationTest extends SpringAiAgentTest {

  static final String SCOPE = "dev.llmobs.genai";

  @Test
  void withoutARegistryEachCallHasOneSpanAndNothingElse() {
    enqueueChatEmbeddingAndStream();
    ModelSetup setup = setup().registry(ObservationRegistry.NOOP);

    callEmbedAndStream(SpringAiLine.openAiChat(setup), SpringAiLine.openAiEmbedding(setup), w -> w);

    testing.waitForTraces(3);
    List<SpanData> spans = testing.spans();
    assertThat(spans).hasSize(3).allMatch(s -> SCOPE.equals(scope(s)));
    assertThat(spans.stream().map(SpanData::getName))
        .containsExactlyInAnyOrder(
            "chat gpt-4o-mini", "chat gpt-4o-mini", "embeddings " + ModelSetup.EMBEDDING_MODEL);
  }

  @Test
  void withTheOtelTracingBridgeSpringAisModelObservationGivesWay() {
    enqueueChatEmbeddingAndStream();
    MeterRegistry meters = new SimpleMeterRegistry();
    ObservationRegistry registry = tracingAndMeteringRegistry(meters);
    ModelSetup setup = setup().registry(registry);

    callEmbedAndStream(
        SpringAiLine.openAiChat(setup),
        SpringAiLine.openAiEmbedding(setup),
        work -> () -> Observation.createNotStarted("app.work", registry).observe(work));

    testing.waitForTraces(3);
    Map<String, List<SpanData>> traces =
        testing.spans().stream().collect(Collectors.groupingBy(SpanData::getTraceId));
    assertThat(traces).hasSize(3);
    for (List<SpanData> trace : traces.values()) {
      SpanData app = only(trace, s -> s.getName().equals("app.work"));
      List<SpanData> genAi = genAiSpans(trace);
      assertThat(genAi).as("GenAI spans in %s", trace).hasSize(1);
      SpanData ours = genAi.get(0);
      assertThat(scope(ours)).isEqualTo(SCOPE);
      assertThat(ours.getKind()).isEqualTo(SpanKind.CLIENT);
      assertThat(ours.getParentSpanId()).isEqualTo(app.getSpanId());
      // Anything else (the 2.0 models' own HTTP client observation) is an HTTP span under ours,
      // never Spring AI's model span.
      for (SpanData other : trace) {
        if (other != app && other != ours) {
          assertThat(other.getName()).doesNotStartWith("chat ").doesNotStartWith("embeddings ");
          assertThat(other.getParentSpanId()).isEqualTo(ours.getSpanId());
        }
      }
    }
    // The application's own observation was metered and traced: the bridge is live.
    assertThat(meters.get("app.work").timer().count()).isEqualTo(3);
    // Spring AI's model observation was not: no operation timer, no token counter.
    assertThat(meters.find("gen_ai.client.operation").meters()).isEmpty();
    assertThat(meters.find("gen_ai.client.token.usage").meters()).isEmpty();
  }

  @Test
  void outsideOurCallsSpringAisModelObservationRunsAsBefore() {
    MeterRegistry meters = new SimpleMeterRegistry();
    ObservationRegistry registry = tracingAndMeteringRegistry(meters);
    ChatModelObservationContext context =
        ChatModelObservationContext.builder()
            .prompt(new Prompt("hi", ChatOptions.builder().model("gpt-4o-mini").build()))
            .provider("openai")
            .build();

    ChatModelObservationDocumentation.CHAT_MODEL_OPERATION
        .observation(
            (ChatModelObservationConvention) null,
            new DefaultChatModelObservationConvention(),
            () -> context,
            registry)
        .observe(() -> {});

    testing.waitForTraces(1);
    assertThat(testing.spans()).hasSize(1);
    assertThat(testing.spans().get(0).getName()).isEqualTo("chat gpt-4o-mini");
    assertThat(scope(testing.spans().get(0))).isNotEqualTo(SCOPE);
    assertThat(meters.find("gen_ai.client.operation").meters()).hasSize(1);
  }

  private void enqueueChatEmbeddingAndStream() {
    server.enqueue(FakeLlm.json(FakeLlm.chatCompletion("chatcmpl-o", "gpt-4o-mini", "Hi")));
    server.enqueue(FakeLlm.json(FakeLlm.embeddings(ModelSetup.EMBEDDING_MODEL, 8)));
    server.enqueue(FakeLlm.helloStream("chatcmpl-os"));
  }

  /** One blocking chat, one embedding and one drained stream, each wrapped by {@code around}. */
  private static void callEmbedAndStream(
      ChatModel chat, EmbeddingModel embedding, Function<Runnable, Runnable> around) {
    around.apply(() -> chat.call(new Prompt("Say hi"))).run();
    around.apply(() -> embedding.embed("hello")).run();
    around
        .apply(
            () ->
                chat.stream(
                        new Prompt(
                            "Say hello", SpringAiLine.streamingOptions(ModelSetup.OPENAI_MODEL)))
                    .blockLast())
        .run();
  }

  private static ObservationRegistry tracingAndMeteringRegistry(MeterRegistry meters) {
    ObservationRegistry registry = ObservationRegistry.create();
    OtelTracer tracer =
        new OtelTracer(
            GlobalOpenTelemetry.getTracer("micrometer-tracing"),
            new OtelCurrentTraceContext(),
            event -> {});
    registry
        .observationConfig()
        .observationHandler(new ChatModelMeterObservationHandler(meters))
        .observationHandler(new DefaultMeterObservationHandler(meters))
        .observationHandler(new DefaultTracingObservationHandler(tracer));
    return registry;
  }

  private static SpanData only(List<SpanData> spans, java.util.function.Predicate<SpanData> which) {
    List<SpanData> found = spans.stream().filter(which).collect(Collectors.toList());
    assertThat(found).as("in %s", spans).hasSize(1);
    return found.get(0);
  }

  private static String scope(SpanData span) {
    return span.getInstrumentationScopeInfo().getName();
  }
}
