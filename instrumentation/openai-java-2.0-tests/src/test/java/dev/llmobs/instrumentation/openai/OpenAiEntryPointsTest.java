package dev.llmobs.instrumentation.openai;

import static dev.llmobs.testing.GenAiKeys.*;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.http.AsyncStreamResponse;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Every public way into a chat completion gives exactly one span; callbacks run outside it. */
class OpenAiEntryPointsTest extends OpenAiAgentTest {

  static ChatCompletionCreateParams params() {
    return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Hi").build();
  }

  void enqueueCompletion() {
    server.enqueue(FakeOpenAi.json(FakeOpenAi.chatCompletion("chatcmpl-e", "gpt-4o-mini")));
  }

  void assertOneChatSpan() {
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat gpt-4o-mini")
                        .hasKind(SpanKind.CLIENT)
                        .hasAttributesSatisfying(
                            equalTo(RESPONSE_ID, "chatcmpl-e"), equalTo(INPUT_TOKENS, 21L))));
  }

  @Test
  void serviceWithRawResponse() {
    enqueueCompletion();
    try (HttpResponseFor<ChatCompletion> raw =
        client.chat().completions().withRawResponse().create(params())) {
      assertThat(raw.statusCode()).isEqualTo(200);
      assertThat(raw.parse().id()).isEqualTo("chatcmpl-e");
    }
    assertOneChatSpan();
  }

  @Test
  void clientWithRawResponse() {
    enqueueCompletion();
    HttpResponseFor<ChatCompletion> raw =
        client.withRawResponse().chat().completions().create(params());
    assertThat(raw.parse().id()).isEqualTo("chatcmpl-e");
    raw.close();
    assertOneChatSpan();
  }

  @Test
  void asyncCallbacksRunWithoutOurSpan() {
    enqueueCompletion();
    List<Object> seen = Collections.synchronizedList(new ArrayList<>());
    client
        .async()
        .chat()
        .completions()
        .create(params())
        .thenApply(
            c -> {
              seen.add(String.valueOf(Span.fromContextOrNull(Context.current())));
              return c;
            })
        .join();
    assertThat(seen).containsExactly("null");
    assertOneChatSpan();
  }

  @Test
  void asyncRaw() {
    enqueueCompletion();
    List<Object> seen = Collections.synchronizedList(new ArrayList<>());
    ChatCompletion completion =
        client
            .async()
            .chat()
            .completions()
            .withRawResponse()
            .create(params())
            .thenApply(
                r -> {
                  seen.add(String.valueOf(Span.fromContextOrNull(Context.current())));
                  return r.parse();
                })
            .join();
    assertThat(completion.id()).isEqualTo("chatcmpl-e");
    assertThat(seen).containsExactly("null");
    assertOneChatSpan();
  }

  @Test
  void asyncCancelEndsTheSpanAsCancelled() throws Exception {
    server.enqueue(FakeOpenAi.slow(FakeOpenAi.chatCompletion("chatcmpl-e", "gpt-4o-mini"), 2000));
    CompletableFuture<ChatCompletion> future = client.async().chat().completions().create(params());
    future.cancel(true);
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat gpt-4o-mini")
                        .hasAttributesSatisfying(equalTo(ERROR_TYPE, "cancelled"))));
  }

  @Test
  void asyncStreamHandlersRunWithoutOurSpan() {
    server.enqueue(
        FakeOpenAi.sse(
            FakeOpenAi.chatChunk("chatcmpl-e", "Hi", null),
            FakeOpenAi.chatChunk("chatcmpl-e", null, "stop")));
    List<Object> seen = Collections.synchronizedList(new ArrayList<>());
    AsyncStreamResponse<ChatCompletionChunk> stream =
        client.async().chat().completions().createStreaming(params());
    stream.subscribe(
        new AsyncStreamResponse.Handler<ChatCompletionChunk>() {
          @Override
          public void onNext(ChatCompletionChunk chunk) {
            seen.add(String.valueOf(Span.fromContextOrNull(Context.current())));
          }

          @Override
          public void onComplete(java.util.Optional<Throwable> error) {
            seen.add("complete " + Span.fromContextOrNull(Context.current()));
          }
        });
    stream.onCompleteFuture().join();
    assertThat(seen).containsExactly("null", "null", "complete null");
    testing.waitAndAssertTraces(
        trace -> trace.hasSpansSatisfyingExactly(span -> span.hasName("chat gpt-4o-mini")));
  }
}
