package dev.llmobs.testing;

import static dev.llmobs.testing.GenAiKeys.CHUNK_COUNT;
import static dev.llmobs.testing.GenAiKeys.ERROR_TYPE;
import static dev.llmobs.testing.GenAiKeys.INPUT_MESSAGES;
import static dev.llmobs.testing.GenAiKeys.OPERATION;
import static dev.llmobs.testing.GenAiKeys.OUTPUT_MESSAGES;
import static dev.llmobs.testing.GenAiKeys.PROVIDER;
import static dev.llmobs.testing.GenAiKeys.REQUEST_MODEL;
import static dev.llmobs.testing.GenAiKeys.RESPONSE_ID;
import static dev.llmobs.testing.GenAiKeys.RESPONSE_MODEL;
import static dev.llmobs.testing.GenAiKeys.SERVER_ADDRESS;
import static dev.llmobs.testing.GenAiKeys.SERVER_PORT;
import static dev.llmobs.testing.GenAiKeys.STREAM;
import static dev.llmobs.testing.GenAiKeys.TIME_TO_FIRST_CHUNK;
import static dev.llmobs.testing.GenAiKeys.TOKEN_TYPE;
import static dev.llmobs.testing.GenAiMetrics.SCOPE;
import static dev.llmobs.testing.GenAiMetrics.histogramPoints;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The chat scenarios every provider SDK passes, whatever its types: each public entry point gives
 * exactly one {@code chat {model}} CLIENT span, async callbacks and stream handlers run outside it,
 * streams end once, errors carry {@code error.type}, and the metrics follow. A provider's agent
 * test (and its oldest-version module, which compiles the same source) extends this with how to
 * call its SDK and what its recordings ({@code chat.json}, {@code chat-stream.sse}, {@code
 * error-<status>.json}) hold.
 */
public abstract class AbstractChatSuite<C> extends GenAiAgentTest<C> {

  protected AbstractChatSuite(SdkFixture<C> sdk) {
    super(sdk);
  }

  /** What an async stream's subscriber sees, in the SDK's handler. */
  public interface StreamEvents {
    void onNext();

    void onComplete(Throwable errorOrNull);
  }

  /** The value of {@code gen_ai.provider.name}. */
  protected abstract String providerName();

  /** A model name the provider knows (and the price catalog prices). */
  protected abstract String model();

  /**
   * Makes a blocking chat call of {@code model} the way {@code call} says, in the calling context,
   * and returns the parsed response's id. An SDK version without this entry point skips the test
   * (JUnit's {@code assumeTrue}).
   */
  protected abstract String chat(Call call, String model) throws Exception;

  /**
   * Starts an async chat call ({@code raw}: through {@code withRawResponse()}) and returns the very
   * future the SDK gave, for the suite's own callbacks.
   */
  protected abstract CompletableFuture<?> chatAsync(boolean raw, String model);

  /** The response id of what a {@link #chatAsync} future completes with. */
  protected abstract String responseId(Object asyncResult);

  /**
   * Streams a chat call ({@code raw}: through {@code withRawResponse()}) to its end in a
   * try-with-resources and returns the text of its deltas.
   */
  protected abstract String stream(boolean raw, String model);

  /** Streams a chat call, reads up to its first text delta, closes it and returns that text. */
  protected abstract String streamFirstTextThenClose(String model);

  /** Starts an async streamed chat call, subscribes {@code events}, returns its completion. */
  protected abstract CompletableFuture<Void> streamAsync(String model, StreamEvents events)
      throws Exception;

  /** The span attributes {@code chat.json} gives: response id and model, usage, cost... */
  protected abstract List<AttributeAssertion> chatAttributes();

  /** The span attributes {@code chat-stream.sse} gives. */
  protected abstract List<AttributeAssertion> streamAttributes();

  /** The {@code model} field of {@code chat.json}. */
  protected abstract String recordedResponseModel();

  /** The input and output tokens {@code chat.json} reports, as the span counts them. */
  protected abstract long[] recordedTokens();

  private List<AttributeAssertion> chatSpan(String model, boolean stream) {
    List<AttributeAssertion> all = new ArrayList<>();
    all.add(equalTo(OPERATION, "chat"));
    all.add(equalTo(PROVIDER, providerName()));
    all.add(equalTo(REQUEST_MODEL, model));
    all.add(equalTo(STREAM, stream));
    all.addAll(stream ? streamAttributes() : chatAttributes());
    return all;
  }

  private void assertOneChatSpan() {
    assertOneSpan("chat " + model(), StatusData.unset(), chatSpan(model(), false));
  }

  private void assertOneErrorSpan(String errorType, AttributeAssertion... more) {
    List<AttributeAssertion> attributes = new ArrayList<>(Arrays.asList(more));
    attributes.add(equalTo(ERROR_TYPE, errorType));
    assertOneSpan("chat " + model(), StatusData.error(), attributes);
  }

  @Test
  void blockingCallIsOneClientSpanUnderTheCaller() throws Exception {
    server.reply("chat.json");

    testing.runWithSpan("parent", () -> chat(Call.PLAIN, model()));

    assertChildOfParent();
  }

  private void assertChildOfParent() {
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span -> span.hasName("parent"),
                span ->
                    span.hasName("chat " + model())
                        .hasKind(SpanKind.CLIENT)
                        .hasParent(trace.getSpan(0))
                        .hasStatus(StatusData.unset())
                        .hasAttributesSatisfying(chatSpan(model(), false))));
  }

  @Test
  void noContentIsCapturedByDefault() throws Exception {
    server.reply("chat.json");
    chat(Call.PLAIN, model());

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasAttributesSatisfying(
                        attributes -> {
                          assertThat(attributes.get(INPUT_MESSAGES)).isNull();
                          assertThat(attributes.get(OUTPUT_MESSAGES)).isNull();
                          assertThat(attributes.toString())
                              .doesNotContain("Say hello")
                              .doesNotContain("Hello there");
                        })));
  }

  @ParameterizedTest
  @EnumSource(
      value = Call.class,
      names = {"WITH_OPTIONS", "CLIENT_WITH_OPTIONS", "SERVICE_RAW", "CLIENT_RAW"})
  void blockingEntryPoint(Call call) throws Exception {
    server.reply("chat.json");
    chat(call, model());
    assertOneChatSpan();
  }

  @Test
  void asyncKeepsTheCallerAsParent() {
    server.reply("chat.json");

    CompletableFuture<?> future = testing.runWithSpan("parent", () -> chatAsync(false, model()));
    future.join();

    assertChildOfParent();
  }

  @Test
  void asyncCallbacksRunWithoutOurSpan() {
    server.reply("chat.json");
    assertThat(readInCallback(chatAsync(false, model()), this::responseId)).isNotEmpty();
    assertOneChatSpan();
  }

  @Test
  void asyncRawCallbacksRunWithoutOurSpan() {
    server.reply("chat.json");
    assertThat(readInCallback(chatAsync(true, model()), this::responseId)).isNotEmpty();
    assertOneChatSpan();
  }

  @Test
  void asyncCancelEndsTheSpanAsCancelled() {
    server.replyAfter("chat.json", 2000);
    chatAsync(false, model()).cancel(true);
    assertOneErrorSpan("cancelled");
  }

  @Test
  void streamDrainedEndsWithUsageFromTheRecording() {
    server.reply("chat-stream.sse");
    assertThat(stream(false, model())).isEqualTo("Hello");
    assertOneStreamSpan();
  }

  @Test
  void rawStreamDrained() {
    server.reply("chat-stream.sse");
    assertThat(stream(true, model())).isEqualTo("Hello");
    assertOneStreamSpan();
  }

  private void assertOneStreamSpan() {
    List<AttributeAssertion> attributes = chatSpan(model(), true);
    // "Hel" and "lo": events without output (start, finish, usage) are not chunks
    attributes.add(equalTo(CHUNK_COUNT, 2L));
    attributes.add(satisfies(TIME_TO_FIRST_CHUNK, t -> t.isGreaterThanOrEqualTo(0.0)));
    assertOneSpan("chat " + model(), StatusData.unset(), attributes);
  }

  @Test
  void streamClosedEarlyEndsTheSpanAsCancelled() {
    server.reply("chat-stream.sse");
    assertThat(streamFirstTextThenClose(model())).isEqualTo("Hel");
    // ended with what was seen so far
    assertOneErrorSpan(
        "cancelled",
        equalTo(CHUNK_COUNT, 1L),
        satisfies(RESPONSE_ID, id -> id.isNotEmpty()),
        satisfies(RESPONSE_MODEL, m -> m.isNotEmpty()));
  }

  @Test
  void asyncStreamHandlersRunWithoutOurSpan() throws Exception {
    server.reply("chat-stream.sse");
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    streamAsync(
            model(),
            new StreamEvents() {
              @Override
              public void onNext() {
                seen.add(String.valueOf(Span.fromContextOrNull(Context.current())));
              }

              @Override
              public void onComplete(Throwable errorOrNull) {
                seen.add(
                    "complete " + errorOrNull + " " + Span.fromContextOrNull(Context.current()));
              }
            })
        .join();

    assertThat(seen).isNotEmpty().allMatch(s -> s.equals("null") || s.equals("complete null null"));
    assertThat(seen.get(seen.size() - 1)).isEqualTo("complete null null");
    assertOneStreamSpan();
  }

  @Test
  void serverErrorIsAnErrorWithTheStatusCode() {
    server.fail(500);

    Throwable thrown = catchThrowable(() -> chat(Call.PLAIN, model()));

    assertThat(thrown).isNotNull();
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat " + model())
                        .hasStatus(StatusData.error())
                        .hasEventsSatisfyingExactly(
                            event ->
                                event
                                    .hasName("exception")
                                    .hasAttributesSatisfying(
                                        equalTo(
                                            AttributeKey.stringKey("exception.type"),
                                            thrown.getClass().getName())))
                        .hasAttributesSatisfying(equalTo(ERROR_TYPE, "500"))));
  }

  @Test
  void rateLimitIsRateLimited() {
    server.fail(429);
    assertThat(catchThrowable(() -> chat(Call.PLAIN, model()))).isNotNull();
    assertOneErrorSpan("rate_limited");
  }

  @Test
  void timeoutIsTimeout() throws Exception {
    C patient = client;
    client = sdk.newClient(server, Duration.ofMillis(300));
    server.replyAfter("chat.json", 3000);
    try {
      assertThat(catchThrowable(() -> chat(Call.PLAIN, model()))).isNotNull();
    } finally {
      sdk.close(client);
      client = patient;
    }
    assertOneErrorSpan("timeout");
  }

  @Test
  void tokenUsageAndDurationMetrics() throws Exception {
    String model = model() + "-metrics-1";
    server.reply("chat.json");
    chat(Call.PLAIN, model);

    long[] tokens = recordedTokens();
    assertHistogram(
        "gen_ai.client.token.usage",
        "{token}",
        model,
        points -> {
          assertThat(points).hasSize(2);
          for (HistogramPointData point : points) {
            Attributes a = point.getAttributes();
            assertThat(a.get(OPERATION)).isEqualTo("chat");
            assertThat(a.get(PROVIDER)).isEqualTo(providerName());
            assertThat(a.get(RESPONSE_MODEL)).isEqualTo(recordedResponseModel());
            assertLowCardinality(a);
            assertThat(point.getCount()).isEqualTo(1);
            boolean input = "input".equals(a.get(TOKEN_TYPE));
            assertThat(point.getSum()).isEqualTo((double) (input ? tokens[0] : tokens[1]));
          }
          assertThat(points.stream().map(p -> p.getAttributes().get(TOKEN_TYPE)))
              .containsExactlyInAnyOrder("input", "output");
        });
    assertOnePoint(
        "gen_ai.client.operation.duration",
        "s",
        model,
        point -> {
          assertThat(point.getSum()).isGreaterThan(0.0).isLessThan(30.0);
          assertThat(point.getAttributes().get(ERROR_TYPE)).isNull();
          assertLowCardinality(point.getAttributes());
        });
  }

  /** Metric labels: the low-cardinality GenAI ones only, never an id or content. */
  private static void assertLowCardinality(Attributes attributes) {
    Set<String> allowed =
        new HashSet<>(
            Arrays.asList(
                OPERATION.getKey(),
                PROVIDER.getKey(),
                REQUEST_MODEL.getKey(),
                RESPONSE_MODEL.getKey(),
                SERVER_ADDRESS.getKey(),
                SERVER_PORT.getKey(),
                TOKEN_TYPE.getKey(),
                ERROR_TYPE.getKey()));
    attributes.forEach((key, value) -> assertThat(allowed).contains(key.getKey()));
  }

  @Test
  void failedCallHasErrorTypeOnDurationAndNoTokens() {
    String model = model() + "-metrics-2";
    server.fail(429);
    assertThat(catchThrowable(() -> chat(Call.PLAIN, model))).isNotNull();

    assertOnePoint(
        "gen_ai.client.operation.duration",
        "s",
        model,
        point -> assertThat(point.getAttributes().get(ERROR_TYPE)).isEqualTo("rate_limited"));
    assertThat(
            testing.metrics().stream()
                .filter(m -> m.getName().equals("gen_ai.client.token.usage"))
                .flatMap(m -> histogramPoints(m, model).stream()))
        .isEmpty();
  }

  @Test
  void streamingMetrics() {
    String model = model() + "-metrics-3";
    server.reply("chat-stream.sse");
    stream(false, model);

    testing.waitAndAssertMetrics(
        SCOPE,
        "gen_ai.client.operation.chunks",
        metrics -> metrics.anySatisfy(m -> assertThat(GenAiMetrics.sum(m, model)).isEqualTo(2)));
    assertOnePoint(
        "gen_ai.client.operation.time_to_first_chunk",
        "s",
        model,
        point -> assertThat(point.getSum()).isGreaterThanOrEqualTo(0.0));
    assertOnePoint(
        "gen_ai.client.operation.time_per_output_chunk",
        "s",
        model,
        point -> assertThat(point.getSum()).isGreaterThanOrEqualTo(0.0));
    testing.waitAndAssertMetrics(
        SCOPE,
        "gen_ai.client.active_requests",
        metrics -> metrics.anySatisfy(m -> assertThat(GenAiMetrics.sum(m, model)).isZero()));
  }
}
