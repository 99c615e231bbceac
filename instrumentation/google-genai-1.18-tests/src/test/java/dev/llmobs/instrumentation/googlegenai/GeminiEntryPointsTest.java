package dev.llmobs.instrumentation.googlegenai;

import static dev.llmobs.testing.GenAiKeys.*;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.genai.Chat;
import com.google.genai.ResponseStream;
import com.google.genai.types.Content;
import com.google.genai.types.EmbedContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.Part;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Every public way into a models call, blocking and async, and the chats built on them: each gives
 * exactly one span, and the caller's async callbacks run outside it.
 */
class GeminiEntryPointsTest extends GeminiAgentTest {

  static final String MODEL = "gemini-2.0-flash";

  static Content userContent(String text) {
    return Content.builder()
        .role("user")
        .parts(Collections.singletonList(Part.fromText(text)))
        .build();
  }

  void enqueueChat() {
    server.enqueue(FakeGemini.json(FakeGemini.hello("resp-e", MODEL)));
  }

  void enqueueStream() {
    server.enqueue(
        FakeGemini.sse(
            FakeGemini.response("resp-s", MODEL, FakeGemini.candidate("Hel", null), null),
            FakeGemini.response(
                "resp-s",
                MODEL,
                FakeGemini.candidate("lo", "STOP"),
                FakeGemini.usage(6, null, 2, null))));
  }

  /** Runs {@code call} and checks that it gave exactly one chat span of its own. */
  void assertOneChatSpan(Runnable call, boolean stream) {
    testing.clearData();
    call.run();
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat " + MODEL)
                        .hasKind(SpanKind.CLIENT)
                        .hasAttributesSatisfying(
                            equalTo(STREAM, stream),
                            equalTo(RESPONSE_ID, stream ? "resp-s" : "resp-e"),
                            equalTo(INPUT_TOKENS, stream ? 6L : 21L))));
  }

  static void drain(ResponseStream<GenerateContentResponse> stream) {
    try (ResponseStream<GenerateContentResponse> s = stream) {
      for (GenerateContentResponse ignored : s) {
        // consumed
      }
    }
  }

  @Test
  void everyBlockingGenerateContentOverload() {
    List<Runnable> calls =
        Arrays.asList(
            () -> client.models.generateContent(MODEL, "Hi", null),
            () -> client.models.generateContent(MODEL, userContent("Hi"), null),
            () ->
                client.models.generateContent(
                    MODEL, Collections.singletonList(userContent("Hi")), null));
    for (Runnable call : calls) {
      enqueueChat();
      assertOneChatSpan(call, false);
    }
  }

  @Test
  void everyBlockingStreamOverload() {
    List<Runnable> calls =
        Arrays.asList(
            () -> drain(client.models.generateContentStream(MODEL, "Hi", null)),
            () -> drain(client.models.generateContentStream(MODEL, userContent("Hi"), null)),
            () ->
                drain(
                    client.models.generateContentStream(
                        MODEL, Collections.singletonList(userContent("Hi")), null)));
    for (Runnable call : calls) {
      enqueueStream();
      assertOneChatSpan(call, true);
    }
  }

  @Test
  void everyAsyncOverload() {
    List<Runnable> calls =
        Arrays.asList(
            () -> client.async.models.generateContent(MODEL, "Hi", null).join(),
            () -> client.async.models.generateContent(MODEL, userContent("Hi"), null).join(),
            () ->
                client
                    .async
                    .models
                    .generateContent(MODEL, Collections.singletonList(userContent("Hi")), null)
                    .join());
    for (Runnable call : calls) {
      enqueueChat();
      assertOneChatSpan(call, false);
    }
    List<Runnable> streams =
        Arrays.asList(
            () -> drain(client.async.models.generateContentStream(MODEL, "Hi", null).join()),
            () ->
                drain(
                    client
                        .async
                        .models
                        .generateContentStream(MODEL, userContent("Hi"), null)
                        .join()),
            () ->
                drain(
                    client
                        .async
                        .models
                        .generateContentStream(
                            MODEL, Collections.singletonList(userContent("Hi")), null)
                        .join()));
    for (Runnable call : streams) {
      enqueueStream();
      assertOneChatSpan(call, true);
    }
  }

  @Test
  void chatsSendMessagesThroughTheModels() {
    Chat chat = client.chats.create(MODEL);
    enqueueChat();
    assertOneChatSpan(() -> chat.sendMessage("Hi"), false);
    enqueueStream();
    assertOneChatSpan(() -> drain(chat.sendMessageStream("And again")), true);
    enqueueChat();
    assertOneChatSpan(() -> client.async.chats.create(MODEL).sendMessage("Hi").join(), false);
  }

  @Test
  void everyEmbedContentOverload() throws Exception {
    List<Supplier<Object>> calls = new ArrayList<>();
    calls.add(() -> client.models.embedContent("gemini-embedding-001", "Hi", null));
    calls.add(
        () -> client.models.embedContent("gemini-embedding-001", Arrays.asList("a", "b"), null));
    calls.add(() -> client.async.models.embedContent("gemini-embedding-001", "Hi", null).join());
    calls.add(
        () ->
            client
                .async
                .models
                .embedContent("gemini-embedding-001", Arrays.asList("a", "b"), null)
                .join());
    // The Content overload arrived after 1.18.
    for (Object models : Arrays.asList(client.models, client.async.models)) {
      Method byContent = contentOverload(models.getClass());
      if (byContent != null) {
        calls.add(
            () -> {
              try {
                Object result =
                    byContent.invoke(models, "gemini-embedding-001", userContent("Hi"), null);
                return result instanceof CompletableFuture
                    ? ((CompletableFuture<?>) result).join()
                    : result;
              } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
              }
            });
      }
    }
    // Every request gets an answer, so that a call making more than its one request fails the
    // count below instead of waiting for an answer that never comes.
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return FakeGemini.json(FakeGemini.geminiEmbeddings(2));
          }
        });
    for (Supplier<Object> call : calls) {
      testing.clearData();
      int requests = server.getRequestCount();
      assertThat(call.get()).isNotNull();
      assertThat(server.getRequestCount()).isEqualTo(requests + 1);
      testing.waitAndAssertTraces(
          trace ->
              trace.hasSpansSatisfyingExactly(
                  span ->
                      span.hasName("embeddings gemini-embedding-001")
                          .hasKind(SpanKind.CLIENT)
                          .hasAttributesSatisfying(
                              equalTo(OPERATION, "embeddings"), equalTo(PROVIDER, "gcp.gemini"))));
    }
  }

  static Method contentOverload(Class<?> models) {
    try {
      return models.getMethod(
          "embedContent", String.class, Content.class, EmbedContentConfig.class);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  @Test
  void asyncCallbacksRunWithoutOurSpan() {
    enqueueChat();
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    client
        .async
        .models
        .generateContent(MODEL, "Hi", null)
        .thenApply(
            r -> {
              seen.add(String.valueOf(Span.fromContextOrNull(Context.current())));
              return r;
            })
        .join();
    enqueueStream();
    client
        .async
        .models
        .generateContentStream(MODEL, "Hi", null)
        .thenAccept(
            stream -> {
              seen.add(String.valueOf(Span.fromContextOrNull(Context.current())));
              drain(stream);
            })
        .join();
    assertThat(seen).containsExactly("null", "null");
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span -> span.hasAttributesSatisfying(equalTo(STREAM, false))),
        trace ->
            trace.hasSpansSatisfyingExactly(
                span -> span.hasAttributesSatisfying(equalTo(STREAM, true))));
  }

  @Test
  void asyncCancelEndsTheSpanAsCancelled() throws Exception {
    server.enqueue(FakeGemini.slow(FakeGemini.hello("resp-c", MODEL), 2000));
    CompletableFuture<GenerateContentResponse> future =
        client.async.models.generateContent(MODEL, "Hi", null);
    server.takeRequest(5, TimeUnit.SECONDS);
    future.cancel(true);
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat " + MODEL)
                        .hasAttributesSatisfying(equalTo(ERROR_TYPE, "cancelled"))));
  }
}
