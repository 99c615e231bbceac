package dev.llmobs.instrumentation.springai;

import static dev.llmobs.testing.GenAiKeys.*;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Spring AI 2.0's OpenAI model calls openai-java, which llmobs instruments too: the outermost GenAI
 * layer owns the one span, so the Spring AI span is the call's only GenAI span, openai-java's layer
 * adds none, and the HTTP client span still nests under ours, blocking and streamed.
 */
class OpenAiJavaLayerTest extends SpringAiAgentTest {

  @Test
  void theSpringAiLayerOwnsTheOneSpanOfABlockingCall() {
    server.enqueue(FakeLlm.json(FakeLlm.toolCallCompletion("chatcmpl-t", "gpt-4o-mini")));
    ChatModel model = SpringAiLine.openAiChat(setup().httpSpans());

    ChatResponse response = testing.runWithSpan("parent", () -> model.call(new Prompt("Weather?")));

    assertThat(response.getResult().getOutput().getToolCalls()).hasSize(1);
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span -> span.hasName("parent"),
                span ->
                    span.hasName("chat gpt-4o-mini")
                        .hasKind(SpanKind.CLIENT)
                        .hasParent(trace.getSpan(0))
                        .hasAttributesSatisfying(
                            // Spring AI's vocabulary mapped by our Spring AI layer; openai-java's
                            // layer would have written the wire's "tool_calls".
                            equalTo(FINISH_REASONS, Collections.singletonList("tool_call")),
                            equalTo(INPUT_TOKENS, 30L),
                            equalTo(OUTPUT_TOKENS, 12L)),
                span ->
                    span.hasName(HttpSpans.PREFIX + "POST")
                        .hasKind(SpanKind.CLIENT)
                        .hasParent(trace.getSpan(1))));
    assertThat(genAiSpans(testing.spans())).hasSize(1);
  }

  @Test
  void theSpringAiLayerOwnsTheOneSpanOfAStream() {
    server.enqueue(FakeLlm.helloStream("chatcmpl-ls"));
    ChatModel model = SpringAiLine.openAiChat(setup().httpSpans());

    testing.runWithSpan(
        "parent",
        () ->
            model.stream(
                    new Prompt("Say hello", SpringAiLine.streamingOptions(ModelSetup.OPENAI_MODEL)))
                .blockLast());

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span -> span.hasName("parent"),
                span ->
                    span.hasName("chat gpt-4o-mini")
                        .hasParent(trace.getSpan(0))
                        .hasAttributesSatisfying(
                            equalTo(STREAM, true),
                            equalTo(CHUNK_COUNT, 2L),
                            equalTo(INPUT_TOKENS, 9L)),
                span -> span.hasName(HttpSpans.PREFIX + "POST").hasParent(trace.getSpan(1))));
    assertThat(genAiSpans(testing.spans())).hasSize(1);
  }
}
