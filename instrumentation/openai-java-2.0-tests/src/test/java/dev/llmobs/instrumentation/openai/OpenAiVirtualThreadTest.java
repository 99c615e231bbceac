package dev.llmobs.instrumentation.openai;

import static dev.llmobs.testing.GenAiKeys.INPUT_TOKENS;
import static dev.llmobs.testing.GenAiKeys.OUTPUT_TOKENS;
import static dev.llmobs.testing.GenAiKeys.RESPONSE_ID;
import static dev.llmobs.testing.GenAiKeys.STREAM;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.opentelemetry.api.trace.SpanKind;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * Calls made on a virtual thread (JDK 21 and later) keep the span current on that thread as the
 * GenAI span's parent: blocking, async and streaming. Compiled for Java 17, so virtual threads are
 * reached reflectively; the tests run only on JDK 21+ (the build's JDK 25 run).
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class OpenAiVirtualThreadTest extends OpenAiAgentTest {

  static final String PARENT = "parent on a virtual thread";
  // The ids of the recordings chat.json and chat-stream.sse.
  static final String CHAT_ID = "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT";
  static final String STREAM_ID = "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG";

  static ChatCompletionCreateParams chat(String model) {
    return ChatCompletionCreateParams.builder().model(model).addUserMessage("Say hello").build();
  }

  @Test
  void blockingCall() throws Exception {
    server.reply("chat.json");

    String id =
        onVirtualThread(
            () ->
                testing.runWithSpan(
                    PARENT, () -> client.chat().completions().create(chat("gpt-4o-mini")).id()));

    assertThat(id).isEqualTo(CHAT_ID);
    assertChildOfParent("chat gpt-4o-mini", CHAT_ID, false);
  }

  @Test
  void asyncCall() throws Exception {
    server.reply("chat.json");

    String id =
        onVirtualThread(
            () ->
                testing.runWithSpan(
                    PARENT,
                    () -> client.async().chat().completions().create(chat("gpt-4o")).join().id()));

    assertThat(id).isEqualTo(CHAT_ID);
    assertChildOfParent("chat gpt-4o", CHAT_ID, false);
  }

  @Test
  void streamingCall() throws Exception {
    server.reply("chat-stream.sse");

    long chunks =
        onVirtualThread(
            () ->
                testing.runWithSpan(
                    PARENT,
                    () -> {
                      try (StreamResponse<ChatCompletionChunk> stream =
                          client.chat().completions().createStreaming(chat("gpt-4o-mini"))) {
                        return stream.stream().count();
                      }
                    }));

    assertThat(chunks).isEqualTo(4);
    assertChildOfParent("chat gpt-4o-mini", STREAM_ID, true);
  }

  private void assertChildOfParent(String name, String responseId, boolean stream) {
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span -> span.hasName(PARENT).hasNoParent(),
                span ->
                    span.hasName(name)
                        .hasKind(SpanKind.CLIENT)
                        .hasParent(trace.getSpan(0))
                        .hasAttributesSatisfying(
                            equalTo(RESPONSE_ID, responseId),
                            equalTo(STREAM, stream),
                            equalTo(INPUT_TOKENS, stream ? 9L : 21L),
                            equalTo(OUTPUT_TOKENS, stream ? 3L : 7L))));
  }

  /** Runs {@code task} on a new virtual thread, checking that it is one, and returns its result. */
  private static <T> T onVirtualThread(Callable<T> task) throws Exception {
    ExecutorService executor =
        (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    try {
      return executor
          .submit(
              () -> {
                assertThat(Thread.class.getMethod("isVirtual").invoke(Thread.currentThread()))
                    .isEqualTo(true);
                return task.call();
              })
          .get(30, TimeUnit.SECONDS);
    } finally {
      executor.shutdown();
    }
  }
}
