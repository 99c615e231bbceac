package dev.llmobs.instrumentation.langchain4j.scenarios;

import static dev.llmobs.testing.GenAiKeys.CACHE_CREATION;
import static dev.llmobs.testing.GenAiKeys.CACHE_READ;
import static dev.llmobs.testing.GenAiKeys.CHUNK_COUNT;
import static dev.llmobs.testing.GenAiKeys.COST;
import static dev.llmobs.testing.GenAiKeys.COST_CURRENCY;
import static dev.llmobs.testing.GenAiKeys.ERROR_TYPE;
import static dev.llmobs.testing.GenAiKeys.FINISH_REASONS;
import static dev.llmobs.testing.GenAiKeys.INPUT_TOKENS;
import static dev.llmobs.testing.GenAiKeys.OPERATION;
import static dev.llmobs.testing.GenAiKeys.OUTPUT_TOKENS;
import static dev.llmobs.testing.GenAiKeys.PROVIDER;
import static dev.llmobs.testing.GenAiKeys.REASONING;
import static dev.llmobs.testing.GenAiKeys.REQUEST_MODEL;
import static dev.llmobs.testing.GenAiKeys.RESPONSE_ID;
import static dev.llmobs.testing.GenAiKeys.RESPONSE_MODEL;
import static dev.llmobs.testing.GenAiKeys.SERVER_ADDRESS;
import static dev.llmobs.testing.GenAiKeys.SERVER_PORT;
import static dev.llmobs.testing.GenAiKeys.STREAM;
import static dev.llmobs.testing.GenAiKeys.TIME_TO_FIRST_CHUNK;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Chat scenarios every GenAI client must pass, whatever the framework or SDK: a concrete test names
 * the provider's wire format, the client under test and a priced call, and inherits the tests. The
 * fake server speaks the provider's wire format over real HTTP.
 */
public abstract class ChatScenarios extends GenAiAgentTest {

  protected abstract ProviderWire wire();

  /** The client under test, pointed at {@link #server}, with this timeout and no retries. */
  protected abstract ChatClientUnderTest client(Duration timeout);

  /** A call with a priced model and the usage the server reports for it. */
  protected abstract PricedCall pricedCall();

  protected ChatClientUnderTest client() {
    return client(Duration.ofSeconds(10));
  }

  @Test
  void chatIsOneClientSpanWithUsageServerAndCost() throws Exception {
    PricedCall call = pricedCall();
    server.enqueue(wire().chat("resp-1", call.responseModel(), "Hello there", call.usage()));

    String answer = testing.runWithSpan("parent", () -> client().chat(call.model(), "Say hello"));

    assertThat(answer).isEqualTo("Hello there");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getPath()).isEqualTo(wire().chatPath());
    List<AttributeAssertion> expected = completedCall(call, false, "resp-1");
    expected.add(equalTo(SERVER_ADDRESS, server.getHostName()));
    expected.add(equalTo(SERVER_PORT, (long) server.getPort()));
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span -> span.hasName("parent"),
                span ->
                    span.hasName("chat " + call.model())
                        .hasKind(SpanKind.CLIENT)
                        .hasParent(trace.getSpan(0))
                        .hasStatus(StatusData.unset())
                        .hasAttributesSatisfying(expected)
                        .hasAttributesSatisfying(
                            attributes -> noOtherUsage(attributes, call.usage()))));
  }

  @Test
  void serverErrorIsAnErrorWithTheStatusCode() {
    server.enqueue(wire().error(500));

    assertThatThrownBy(() -> client().chat(pricedCall().model(), "Say hello"));

    assertOneFailedSpan("500");
  }

  @Test
  void rateLimitIsRateLimited() {
    server.enqueue(wire().error(429));

    assertThatThrownBy(() -> client().chat(pricedCall().model(), "Say hello"));

    assertOneFailedSpan("rate_limited");
  }

  @Test
  void timeoutIsTimeout() {
    PricedCall call = pricedCall();
    server.enqueue(
        wire()
            .chat("late", call.responseModel(), "too late", call.usage())
            .setHeadersDelay(3, TimeUnit.SECONDS));

    assertThatThrownBy(() -> client(Duration.ofMillis(300)).chat(call.model(), "Say hello"));

    assertOneFailedSpan("timeout");
  }

  @Test
  void streamedChatEndsWhenCompleteWithTimingUsageAndCallbacksInTheCallersContext()
      throws Exception {
    PricedCall call = pricedCall();
    server.enqueue(
        wire().stream("resp-s", call.responseModel(), Arrays.asList("Hel", "lo"), call.usage()));
    StreamRecorder recorder = new StreamRecorder();

    SpanContext parent =
        testing.runWithSpan(
            "parent",
            () -> {
              client().streamChat(call.model(), "Say hello", recorder);
              return io.opentelemetry.api.trace.Span.current().getSpanContext();
            });
    recorder.await();

    assertThat(recorder.completed()).as("completed, error: %s", recorder.error()).isTrue();
    assertThat(recorder.text()).isEqualTo("Hello");
    List<AttributeAssertion> expected = completedCall(call, true, "resp-s");
    expected.add(equalTo(CHUNK_COUNT, 2L));
    expected.add(satisfies(TIME_TO_FIRST_CHUNK, t -> t.isGreaterThanOrEqualTo(0.0)));
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span -> span.hasName("parent"),
                span ->
                    span.hasName("chat " + call.model())
                        .hasKind(SpanKind.CLIENT)
                        .hasParent(trace.getSpan(0))
                        .hasStatus(StatusData.unset())
                        .hasAttributesSatisfying(expected)
                        .hasAttributesSatisfying(
                            attributes -> noOtherUsage(attributes, call.usage()))));
    // Every callback (two pieces, then the end) ran in the caller's context, not in the span's.
    assertThat(recorder.callbackSpans()).hasSize(3).containsOnly(parent);
  }

  @Test
  void streamedChatThatFailsEndsTheSpanAndTellsTheHandler() throws Exception {
    server.enqueue(wire().error(500));
    StreamRecorder recorder = new StreamRecorder();

    SpanContext parent =
        testing.runWithSpan(
            "parent",
            () -> {
              client().streamChat(pricedCall().model(), "Say hello", recorder);
              return io.opentelemetry.api.trace.Span.current().getSpanContext();
            });
    recorder.await();

    assertThat(recorder.error()).isNotNull();
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span -> span.hasName("parent"),
                span ->
                    span.hasName("chat " + pricedCall().model())
                        .hasParent(trace.getSpan(0))
                        .hasStatus(StatusData.error())
                        .hasAttributesSatisfying(
                            equalTo(STREAM, true), equalTo(ERROR_TYPE, "500"))));
    assertThat(recorder.callbackSpans()).containsOnly(parent);
  }

  /** The one span of the only trace: failed, with this error.type and an exception event. */
  protected void assertOneFailedSpan(String errorType) {
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat " + pricedCall().model())
                        .hasKind(SpanKind.CLIENT)
                        .hasStatus(StatusData.error())
                        .hasEventsSatisfying(
                            events -> assertThat(events).extracting("name").contains("exception"))
                        .hasAttributesSatisfying(
                            equalTo(PROVIDER, wire().providerName()),
                            equalTo(ERROR_TYPE, errorType))));
  }

  /** What the span of {@code call}, answered and stopped normally, must carry. */
  protected List<AttributeAssertion> completedCall(
      PricedCall call, boolean stream, String responseId) {
    List<AttributeAssertion> expected =
        new ArrayList<>(
            Arrays.asList(
                equalTo(OPERATION, "chat"),
                equalTo(PROVIDER, wire().providerName()),
                equalTo(REQUEST_MODEL, call.model()),
                equalTo(STREAM, stream),
                equalTo(RESPONSE_ID, responseId),
                equalTo(RESPONSE_MODEL, call.responseModel()),
                equalTo(FINISH_REASONS, Collections.singletonList("stop")),
                equalTo(COST, call.cost()),
                equalTo(COST_CURRENCY, "USD")));
    expected.addAll(usage(call.usage()));
    return expected;
  }

  /** The usage attributes the span must carry. */
  protected static List<AttributeAssertion> usage(Usage usage) {
    List<AttributeAssertion> expected = new ArrayList<>();
    expected.add(equalTo(INPUT_TOKENS, usage.input()));
    expected.add(equalTo(OUTPUT_TOKENS, usage.output()));
    if (usage.cacheRead() != null) {
      expected.add(equalTo(CACHE_READ, usage.cacheRead()));
    }
    if (usage.cacheCreation() != null) {
      expected.add(equalTo(CACHE_CREATION, usage.cacheCreation()));
    }
    if (usage.reasoning() != null) {
      expected.add(equalTo(REASONING, usage.reasoning()));
    }
    return expected;
  }

  /** The usage attributes the span must not carry: none was reported. */
  protected static void noOtherUsage(Attributes attributes, Usage usage) {
    if (usage.cacheRead() == null) {
      assertThat(attributes.get(CACHE_READ)).as("cache read").isNull();
    }
    if (usage.cacheCreation() == null) {
      assertThat(attributes.get(CACHE_CREATION)).as("cache creation").isNull();
    }
    if (usage.reasoning() == null) {
      assertThat(attributes.get(REASONING)).as("reasoning").isNull();
    }
  }

  /** The spans of the finished traces that are GenAI spans. */
  protected static List<SpanData> genAiSpans() {
    List<SpanData> spans = new ArrayList<>();
    for (SpanData span : testing.spans()) {
      if (span.getAttributes().get(OPERATION) != null) {
        spans.add(span);
      }
    }
    return spans;
  }
}
