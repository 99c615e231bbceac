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

  static ChatCompletionCreateParams chat(String model) {
    return ChatCompletionCreateParams.builder().model(model).addUserMessage("Say hello").build();
  }

  @Test
  void blockingCall() throws Exception {
    server.enqueue(FakeOpenAi.json(FakeOpenAi.chatCompletion("chatcmpl-vt", "gpt-4o-mini")));

    String id =
        onVirtualThread(
            () ->
                testing.runWithSpan(
                    PARENT, () -> client.chat().completions().create(chat("gpt-4o-mini")).id()));

    assertThat(id).isEqualTo("chatcmpl-vt");
    assertChildOfParent("chat gpt-4o-mini", "chatcmpl-vt", false);
  }

  @Test
  void asyncCall() throws Exception {
    server.enqueue(FakeOpenAi.json(FakeOpenAi.chatCompletion("chatcmpl-vta", "gpt-4o")));

    String id =
        onVirtualThread(
            () ->
                testing.runWithSpan(
                    PARENT,
                    () -> client.async().chat().completions().create(chat("gpt-4o")).join().id()));

    assertThat(id).isEqualTo("chatcmpl-vta");
    assertChildOfParent("chat gpt-4o", "chatcmpl-vta", false);
  }

  @Test
  void streamingCall() throws Exception {
    server.enqueue(
        FakeOpenAi.sse(
            FakeOpenAi.chatChunk("chatcmpl-vts", "Hi", null),
            FakeOpenAi.chatChunk("chatcmpl-vts", null, "stop"),
            FakeOpenAi.usageChunk("chatcmpl-vts", 4, 1)));

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

    assertThat(chunks).isEqualTo(3);
    assertChildOfParent("chat gpt-4o-mini", "chatcmpl-vts", true);
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
                            equalTo(INPUT_TOKENS, stream ? 4L : 21L),
                            equalTo(OUTPUT_TOKENS, stream ? 1L : 7L))));
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
