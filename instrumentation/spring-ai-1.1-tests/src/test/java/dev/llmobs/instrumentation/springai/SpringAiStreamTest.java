package dev.llmobs.instrumentation.springai;

import static dev.llmobs.testing.GenAiKeys.*;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/** Spring AI's {@code stream(Prompt)}: a Flux traced from its subscription to its end. */
class SpringAiStreamTest extends SpringAiAgentTest {

  static Prompt prompt() {
    return new Prompt("Say hello", SpringAiLine.streamingOptions(ModelSetup.OPENAI_MODEL));
  }

  static String text(ChatResponse response) {
    return response.getResults().isEmpty() ? null : response.getResult().getOutput().getText();
  }

  @Test
  void drainedStreamEndsWithUsageAndTheSubscriberSeesItsOwnContext() {
    server.enqueue(FakeLlm.helloStream("chatcmpl-s"));
    ChatModel model = SpringAiLine.openAiChat(setup());
    List<String> spansSeenBySubscriber = Collections.synchronizedList(new ArrayList<>());

    List<ChatResponse> responses =
        testing.runWithSpan(
            "parent",
            () ->
                model.stream(prompt())
                    .doOnNext(
                        r -> spansSeenBySubscriber.add(Span.current().getSpanContext().getSpanId()))
                    .collectList()
                    .block());

    assertThat(responses.stream().map(SpringAiStreamTest::text).filter(Objects::nonNull))
        .containsSubsequence("Hel", "lo");
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span -> span.hasName("parent"),
                span ->
                    span.hasName("chat gpt-4o-mini")
                        .hasKind(SpanKind.CLIENT)
                        .hasParent(trace.getSpan(0))
                        .hasStatus(StatusData.unset())
                        .hasAttributesSatisfying(
                            equalTo(STREAM, true),
                            equalTo(REQUEST_MODEL, "gpt-4o-mini"),
                            equalTo(RESPONSE_ID, "chatcmpl-s"),
                            equalTo(RESPONSE_MODEL, "gpt-4o-mini-2024-07-18"),
                            equalTo(FINISH_REASONS, Collections.singletonList("stop")),
                            equalTo(INPUT_TOKENS, 9L),
                            equalTo(OUTPUT_TOKENS, 3L),
                            // "Hel" and "lo"; the finish-only and usage-only responses carry none
                            equalTo(CHUNK_COUNT, 2L),
                            satisfies(TIME_TO_FIRST_CHUNK, t -> t.isGreaterThanOrEqualTo(0.0)),
                            // gpt-4o-mini: 9 x 0.15 + 3 x 0.60 USD per 1M tokens
                            equalTo(COST, 3.15e-6))));
    String parentId =
        testing.spans().stream()
            .filter(s -> s.getName().equals("parent"))
            .findFirst()
            .get()
            .getSpanId();
    assertThat(spansSeenBySubscriber).isNotEmpty().allMatch(parentId::equals);
  }

  @Test
  void cancelledStreamEndsAsCancelled() {
    server.enqueue(FakeLlm.helloStream("chatcmpl-c"));
    ChatModel model = SpringAiLine.openAiChat(setup());

    ChatResponse first = model.stream(prompt()).filter(r -> text(r) != null).next().block();

    assertThat(text(first)).isEqualTo("Hel");
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat gpt-4o-mini")
                        .hasStatus(StatusData.error())
                        .hasAttributesSatisfying(
                            equalTo(ERROR_TYPE, "cancelled"), equalTo(CHUNK_COUNT, 1L))));
  }

  @Test
  void failedStreamIsAnErrorWithTheStatusCode() {
    server.enqueue(FakeLlm.error(500, "server_error"));
    ChatModel model = SpringAiLine.openAiChat(setup());

    assertThatThrownBy(() -> model.stream(prompt()).blockLast())
        .isInstanceOf(RuntimeException.class);

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat gpt-4o-mini")
                        .hasStatus(StatusData.error())
                        .hasAttributesSatisfying(
                            equalTo(STREAM, true), equalTo(ERROR_TYPE, "500"))));
  }

  @Test
  void aFluxNeverSubscribedSendsNothingAndLeavesNoSpan() throws Exception {
    server.enqueue(FakeLlm.helloStream("chatcmpl-n"));
    ChatModel model = SpringAiLine.openAiChat(setup());

    Flux<ChatResponse> unused = model.stream(prompt());

    assertThat(unused).isNotNull();
    assertThat(server.takeRequest(300, TimeUnit.MILLISECONDS)).isNull();
    assertThat(testing.spans()).isEmpty();
  }

  @Test
  void eachSubscriptionIsOneCall() {
    server.enqueue(FakeLlm.helloStream("chatcmpl-1"));
    server.enqueue(FakeLlm.helloStream("chatcmpl-2"));
    ChatModel model = SpringAiLine.openAiChat(setup());

    Flux<ChatResponse> flux = model.stream(prompt());
    flux.blockLast();
    flux.blockLast();

    testing.waitForTraces(2);
    assertThat(
            genAiSpans(testing.spans()).stream()
                .map(s -> s.getAttributes().get(RESPONSE_ID))
                .collect(Collectors.toList()))
        .containsExactlyInAnyOrder("chatcmpl-1", "chatcmpl-2");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
