package dev.llmobs.genai;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Agent and tool operations against a real SDK: INTERNAL spans that parent the inference calls
 * beneath them, nest, and record execute_tool / invoke_agent duration points; the inference rule
 * (one span per call, outermost layer) stays as it is within them.
 */
class GenAiOperationTest {

  static final String MODULE = "test-module";

  static final InMemorySpanExporter spans = InMemorySpanExporter.create();
  static final InMemoryMetricReader metrics = InMemoryMetricReader.createDelta();
  static OpenTelemetrySdk sdk;

  @BeforeAll
  static void installSdk() {
    GlobalOpenTelemetry.resetForTest();
    GenAiInstrumenter.resetForTest();
    sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .buildAndRegisterGlobal();
  }

  @AfterAll
  static void removeSdk() {
    sdk.close();
    GlobalOpenTelemetry.resetForTest();
    GenAiInstrumenter.resetForTest();
  }

  @BeforeEach
  void reset() {
    spans.reset();
    metrics.collectAllMetrics();
  }

  static GenAiRequest chat() {
    return new GenAiRequest("chat", "openai").requestModel("gpt-4o");
  }

  static GenAiOperationRequest tool(String name, Object identity) {
    return GenAiOperationRequest.executeTool(name).toolCallId("call_1").identity(identity);
  }

  @Test
  void agentParentsChatAndToolSpansAndChatsStillFollowTheInferenceRule() {
    GenAiOperation agent =
        GenAiOperation.start(
            MODULE, GenAiOperationRequest.invokeAgent("Assistant").providerName("openai"));
    GenAiCall first = GenAiCall.start(MODULE, chat());
    assertThat(first).as("a chat under an agent starts its span").isNotNull();
    assertThat(GenAiCall.start(MODULE, chat())).as("a nested inference layer does not").isNull();
    first.exit(new GenAiResponse(), null);
    GenAiOperation tool = GenAiOperation.start(MODULE, tool("get_weather", "request-1"));
    tool.exit(new GenAiOperationResult(), null);
    GenAiCall second = GenAiCall.start(MODULE, chat());
    second.exit(new GenAiResponse(), null);
    agent.exit(null, null);

    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished)
        .extracting(SpanData::getName)
        .containsExactly(
            "chat gpt-4o", "execute_tool get_weather", "chat gpt-4o", "invoke_agent Assistant");
    SpanData root = finished.get(3);
    assertThat(root.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(root.getAttributes().get(GenAiSemconv.OPERATION_NAME)).isEqualTo("invoke_agent");
    assertThat(root.getAttributes().get(GenAiSemconv.AGENT_NAME)).isEqualTo("Assistant");
    assertThat(root.getAttributes().get(GenAiSemconv.PROVIDER_NAME)).isEqualTo("openai");
    for (SpanData child : finished.subList(0, 3)) {
      assertThat(child.getParentSpanId()).isEqualTo(root.getSpanId());
      assertThat(child.getTraceId()).isEqualTo(root.getTraceId());
    }
    SpanData toolSpan = finished.get(1);
    assertThat(toolSpan.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(toolSpan.getAttributes().get(GenAiSemconv.OPERATION_NAME)).isEqualTo("execute_tool");
    assertThat(toolSpan.getAttributes().get(GenAiSemconv.TOOL_NAME)).isEqualTo("get_weather");
    assertThat(toolSpan.getAttributes().get(GenAiSemconv.TOOL_CALL_ID)).isEqualTo("call_1");
    assertThat(toolSpan.getAttributes().get(GenAiSemconv.TOOL_TYPE)).isEqualTo("function");
    assertThat(finished.get(0).getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(GenAiOperation.current(Context.current())).as("every scope closed").isNull();
  }

  @Test
  void chatsUnderAToolRunInsideAChatAreTracedToo() {
    // A tool run while a call is current (a callback inside the call's scope): the operation is a
    // boundary, so the tool's own calls get spans of their own.
    GenAiCall outer = GenAiCall.start(MODULE, chat());
    GenAiOperation tool = GenAiOperation.start(MODULE, tool("search", "r"));
    GenAiCall inner = GenAiCall.start(MODULE, chat());
    assertThat(inner).isNotNull();
    inner.exit(null, null);
    tool.exit(null, null);
    assertThat(GenAiCall.start(MODULE, chat())).as("back in the outer call's scope").isNull();
    outer.exit(null, null);
    assertThat(spans.getFinishedSpanItems()).hasSize(3);
  }

  @Test
  void nestedAgentsAreAllowedButTheSameOperationReenteredStartsNothing() {
    GenAiOperation outer =
        GenAiOperation.start(MODULE, GenAiOperationRequest.invokeAgent("Planner").identity("m1"));
    assertThat(
            GenAiOperation.start(
                MODULE, GenAiOperationRequest.invokeAgent("Planner").identity("m1")))
        .as("an inner layer of the same agent call")
        .isNull();
    GenAiOperation inner =
        GenAiOperation.start(MODULE, GenAiOperationRequest.invokeAgent("Writer").identity("m2"));
    assertThat(inner).isNotNull();
    GenAiOperation tool = GenAiOperation.start(MODULE, tool("lookup", "req"));
    assertThat(GenAiOperation.start(MODULE, tool("lookup", "req"))).isNull();
    GenAiOperation again =
        GenAiOperation.start(MODULE, GenAiOperationRequest.invokeAgent("Planner").identity("m1"));
    assertThat(again).as("the same agent called again from a tool").isNotNull();
    again.exit(null, null);
    tool.exit(null, null);
    inner.exit(null, null);
    outer.exit(null, null);

    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished)
        .extracting(SpanData::getName)
        .containsExactly(
            "invoke_agent Planner",
            "execute_tool lookup",
            "invoke_agent Writer",
            "invoke_agent Planner");
    assertThat(finished.get(0).getParentSpanId()).isEqualTo(finished.get(1).getSpanId());
    assertThat(finished.get(1).getParentSpanId()).isEqualTo(finished.get(2).getSpanId());
    assertThat(finished.get(2).getParentSpanId()).isEqualTo(finished.get(3).getSpanId());
  }

  @Test
  void failedToolGetsErrorTypeAndStatusAndADurationPointByToolName() {
    GenAiOperation tool = GenAiOperation.start(MODULE, tool("get_weather", "a"));
    tool.exit(null, new IllegalStateException("secret weather"));
    GenAiOperation reported = GenAiOperation.start(MODULE, tool("get_time", "b"));
    reported.failedWith(new java.io.UncheckedIOException(new java.io.IOException("x")));
    reported.exit(new GenAiOperationResult().failed(), null);
    GenAiOperation unnamed = GenAiOperation.start(MODULE, tool("get_date", "c"));
    unnamed.exit(new GenAiOperationResult().failed(), null);
    GenAiOperation ok = GenAiOperation.start(MODULE, tool("get_weather", "d"));
    ok.exit(new GenAiOperationResult(), null);

    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(finished.get(0).getAttributes().get(GenAiSemconv.ERROR_TYPE))
        .isEqualTo("java.lang.IllegalStateException");
    // Content capture is off here: the exception event has no message text.
    assertThat(finished.get(0).getEvents()).hasSize(1);
    assertThat(finished.get(0).getEvents().get(0).getAttributes().toString())
        .doesNotContain("secret weather");
    assertThat(finished.get(1).getAttributes().get(GenAiSemconv.ERROR_TYPE))
        .isEqualTo("java.io.UncheckedIOException");
    assertThat(finished.get(2).getAttributes().get(GenAiSemconv.ERROR_TYPE)).isEqualTo("_OTHER");
    assertThat(finished.get(3).getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(finished.get(3).getAttributes().get(GenAiSemconv.ERROR_TYPE)).isNull();

    Collection<MetricData> collected = metrics.collectAllMetrics();
    List<HistogramPointData> points =
        collected.stream()
            .filter(m -> m.getName().equals("gen_ai.client.operation.duration"))
            .flatMap(m -> m.getHistogramData().getPoints().stream())
            .collect(Collectors.toList());
    assertThat(points)
        .extracting(
            p ->
                p.getAttributes().get(GenAiSemconv.OPERATION_NAME)
                    + "/"
                    + p.getAttributes().get(GenAiSemconv.TOOL_NAME)
                    + "/"
                    + p.getAttributes().get(GenAiSemconv.ERROR_TYPE)
                    + "/"
                    + p.getCount())
        .containsExactlyInAnyOrder(
            "execute_tool/get_weather/java.lang.IllegalStateException/1",
            "execute_tool/get_time/java.io.UncheckedIOException/1",
            "execute_tool/get_date/_OTHER/1",
            "execute_tool/get_weather/null/1");
    assertThat(collected)
        .extracting(MetricData::getName)
        .doesNotContain("gen_ai.client.active_requests", "gen_ai.client.token.usage");
  }

  @Test
  void argumentsAndResultAreRecordedOnlyWithinTheCaptureLimit() {
    GenAiOperation off =
        GenAiOperation.start(
            MODULE, tool("t", "1").arguments("{\"city\":\"Paris\"}", /* capture off */ 0));
    off.exit(new GenAiOperationResult().result("sunny", 0), null);
    GenAiOperation on =
        GenAiOperation.start(MODULE, tool("t", "2").arguments("{\"city\":\"Paris\"}", 100));
    on.exit(new GenAiOperationResult().result("sunny, 21 degrees and rising", 20), null);

    SpanData without = spans.getFinishedSpanItems().get(0);
    assertThat(without.getAttributes().get(GenAiSemconv.TOOL_CALL_ARGUMENTS)).isNull();
    assertThat(without.getAttributes().get(GenAiSemconv.TOOL_CALL_RESULT)).isNull();
    SpanData with = spans.getFinishedSpanItems().get(1);
    assertThat(with.getAttributes().get(GenAiSemconv.TOOL_CALL_ARGUMENTS))
        .isEqualTo("{\"city\":\"Paris\"}");
    assertThat(with.getAttributes().get(GenAiSemconv.TOOL_CALL_RESULT))
        .hasSize(20)
        .isEqualTo("sunny,...[truncated]");
  }

  @Test
  void exitToolEndsWithTheToolsOwnFailureAndItsDescription() {
    GenAiOperation wrapped =
        GenAiOperation.start(MODULE, tool("lookup", "3").toolDescription("Looks a city up"));
    IllegalArgumentException own = new IllegalArgumentException("unknown city");
    // What a framework throws around the tool's own exception.
    wrapped.exitTool(null, own, new RuntimeException("tool failed", own));
    GenAiOperation fine = GenAiOperation.start(MODULE, tool("lookup", "4"));
    // Content capture is off in this JVM: the result is not recorded.
    fine.exitTool("found Paris", null, null);

    SpanData failed = spans.getFinishedSpanItems().get(0);
    assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(failed.getAttributes().get(GenAiSemconv.ERROR_TYPE))
        .isEqualTo("java.lang.IllegalArgumentException");
    assertThat(failed.getAttributes().get(GenAiSemconv.TOOL_DESCRIPTION))
        .isEqualTo("Looks a city up");
    SpanData succeeded = spans.getFinishedSpanItems().get(1);
    assertThat(succeeded.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(succeeded.getAttributes().get(GenAiSemconv.TOOL_CALL_RESULT)).isNull();
    assertThat(succeeded.getAttributes().get(GenAiSemconv.TOOL_DESCRIPTION)).isNull();
  }

  @Test
  void agentWithoutANameIsNamedByItsOperation() {
    GenAiOperation.start(MODULE, GenAiOperationRequest.invokeAgent(null)).exit(null, null);
    assertThat(spans.getFinishedSpanItems().get(0).getName()).isEqualTo("invoke_agent");
  }
}
