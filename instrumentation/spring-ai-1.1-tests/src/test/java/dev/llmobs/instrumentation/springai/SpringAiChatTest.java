package dev.llmobs.instrumentation.springai;

import static dev.llmobs.testing.GenAiKeys.*;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/** Blocking chat calls of Spring AI's real models over real HTTP, under the agent. */
class SpringAiChatTest extends SpringAiAgentTest {

  @Test
  void callHasOneClientSpanWithOptionsUsageAndCost() {
    server.enqueue(
        FakeLlm.json(FakeLlm.chatCompletion("chatcmpl-1", "gpt-4o-mini-2024-07-18", "Hello")));
    ChatModel model = SpringAiLine.openAiChat(setup());
    ChatOptions options =
        SpringAiLine.openAiOptions(
            "gpt-4o-mini", 0.2, 0.9, 64, 0.1, 0.3, Arrays.asList("END", "STOP"));

    ChatResponse response =
        testing.runWithSpan("parent", () -> model.call(new Prompt("Say hello", options)));

    assertThat(response.getResult().getOutput().getText()).isEqualTo("Hello");
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span -> span.hasName("parent"),
                span ->
                    span.hasName("chat gpt-4o-mini")
                        .hasKind(SpanKind.CLIENT)
                        .hasParent(trace.getSpan(0))
                        .hasStatus(StatusData.unset())
                        .hasAttributesSatisfyingExactly(
                            equalTo(OPERATION, "chat"),
                            equalTo(PROVIDER, "openai"),
                            equalTo(REQUEST_MODEL, "gpt-4o-mini"),
                            equalTo(STREAM, false),
                            equalTo(TEMPERATURE, 0.2),
                            equalTo(TOP_P, 0.9),
                            equalTo(MAX_TOKENS, 64L),
                            equalTo(FREQUENCY_PENALTY, 0.1),
                            equalTo(PRESENCE_PENALTY, 0.3),
                            equalTo(STOP, Arrays.asList("END", "STOP")),
                            equalTo(RESPONSE_ID, "chatcmpl-1"),
                            equalTo(RESPONSE_MODEL, "gpt-4o-mini-2024-07-18"),
                            equalTo(FINISH_REASONS, Collections.singletonList("stop")),
                            equalTo(INPUT_TOKENS, 21L),
                            equalTo(OUTPUT_TOKENS, 7L),
                            equalTo(CACHE_READ, 5L),
                            equalTo(REASONING, 2L),
                            // gpt-4o-mini: 16 x 0.15 + 5 x 0.075 + 7 x 0.60 USD per 1M tokens
                            equalTo(COST, 6.975e-6),
                            equalTo(COST_CURRENCY, "USD"),
                            equalTo(COST_SOURCE, "local"))));
  }

  @Test
  void convenienceOverloadsGiveOneSpanEachWithTheModelsDefaults() {
    server.enqueue(FakeLlm.json(FakeLlm.chatCompletion("chatcmpl-s", "gpt-4o-mini", "One")));
    server.enqueue(FakeLlm.json(FakeLlm.chatCompletion("chatcmpl-m", "gpt-4o-mini", "Two")));
    ChatModel model = SpringAiLine.openAiChat(setup());

    assertThat(model.call("Say one")).isEqualTo("One");
    assertThat(model.call(new SystemMessage("Be brief"), new UserMessage("Say two")))
        .isEqualTo("Two");

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat gpt-4o-mini")
                        .hasNoParent()
                        .hasAttributesSatisfying(
                            equalTo(REQUEST_MODEL, "gpt-4o-mini"),
                            equalTo(RESPONSE_ID, "chatcmpl-s"))),
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat gpt-4o-mini")
                        .hasAttributesSatisfying(equalTo(RESPONSE_ID, "chatcmpl-m"))));
  }

  @Test
  void theHttpClientSpanNestsUnderTheOneGenAiSpan() {
    server.enqueue(FakeLlm.json(FakeLlm.chatCompletion("chatcmpl-h", "gpt-4o-mini", "Hi")));
    ChatModel model = SpringAiLine.openAiChat(setup().httpSpans());

    testing.runWithSpan("parent", () -> model.call(new Prompt("Say hi")));

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span -> span.hasName("parent"),
                span ->
                    span.hasName("chat gpt-4o-mini")
                        .hasKind(SpanKind.CLIENT)
                        .hasParent(trace.getSpan(0)),
                span ->
                    span.hasName(HttpSpans.PREFIX + "POST")
                        .hasKind(SpanKind.CLIENT)
                        .hasParent(trace.getSpan(1))));
    assertThat(genAiSpans(testing.spans())).hasSize(1);
  }

  @Test
  void anotherProviderAnthropicWithItsCacheCountsPriced() {
    server.enqueue(FakeLlm.json(FakeLlm.anthropicMessage("msg_1", ModelSetup.ANTHROPIC_MODEL)));
    ChatModel model = SpringAiLine.anthropicChat(setup());

    ChatResponse response = model.call(new Prompt("Dis bonjour"));

    assertThat(response.getResult().getOutput().getText()).isEqualTo("Bonjour");
    assertThat(server.getRequestCount()).isEqualTo(1);
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat " + ModelSetup.ANTHROPIC_MODEL)
                        .hasKind(SpanKind.CLIENT)
                        .hasAttributesSatisfying(
                            equalTo(PROVIDER, "anthropic"),
                            equalTo(REQUEST_MODEL, ModelSetup.ANTHROPIC_MODEL),
                            equalTo(MAX_TOKENS, 256L),
                            equalTo(RESPONSE_ID, "msg_1"),
                            equalTo(RESPONSE_MODEL, ModelSetup.ANTHROPIC_MODEL),
                            equalTo(FINISH_REASONS, Collections.singletonList("stop")),
                            // Anthropic's input_tokens excludes the cache: 10 + 100 + 20.
                            equalTo(INPUT_TOKENS, 130L),
                            equalTo(OUTPUT_TOKENS, 5L),
                            equalTo(CACHE_READ, 100L),
                            equalTo(CACHE_CREATION, 20L),
                            // 10 x 3.00 + 100 x 0.30 + 20 x 3.75 + 5 x 15.00 USD per 1M tokens
                            equalTo(COST, 2.1e-4))));
    assertThat(genAiSpans(testing.spans())).hasSize(1);
  }

  @Test
  void serverErrorIsAnErrorWithTheStatusCode() {
    server.enqueue(FakeLlm.error(500, "server_error"));
    ChatModel model = SpringAiLine.openAiChat(setup());

    assertThatThrownBy(() -> model.call(new Prompt("Say hello")))
        .isInstanceOf(RuntimeException.class);

    assertOneFailedSpan("500");
  }

  @Test
  void rateLimitIsRateLimited() {
    server.enqueue(FakeLlm.error(429, "rate_limit_exceeded"));
    ChatModel model = SpringAiLine.openAiChat(setup());

    assertThatThrownBy(() -> model.call(new Prompt("Say hello")))
        .isInstanceOf(RuntimeException.class);

    assertOneFailedSpan("rate_limited");
  }

  @Test
  void timeoutIsTimeout() {
    server.enqueue(FakeLlm.slow(FakeLlm.chatCompletion("late", "gpt-4o-mini", "Late"), 3000));
    ChatModel model = SpringAiLine.openAiChat(setup().timeout(Duration.ofMillis(300)));

    assertThatThrownBy(() -> model.call(new Prompt("Say hello")))
        .isInstanceOf(RuntimeException.class);

    assertOneFailedSpan("timeout");
  }

  private void assertOneFailedSpan(String errorType) {
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat gpt-4o-mini")
                        .hasStatus(StatusData.error())
                        .hasAttributesSatisfying(equalTo(ERROR_TYPE, errorType))
                        .hasEventsSatisfyingExactly(event -> event.hasName("exception"))));
    List<SpanData> spans = testing.spans();
    // content capture is off: the exception event quotes nothing of the provider's answer
    assertThat(spans.get(0).getEvents().get(0).getAttributes().toString())
        .doesNotContain(FakeLlm.ERROR_MESSAGE);
  }
}
