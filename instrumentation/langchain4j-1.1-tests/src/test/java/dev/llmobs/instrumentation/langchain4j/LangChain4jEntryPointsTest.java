package dev.llmobs.instrumentation.langchain4j;

import static dev.llmobs.testing.GenAiKeys.ERROR_TYPE;
import static dev.llmobs.testing.GenAiKeys.INPUT_TOKENS;
import static dev.llmobs.testing.GenAiKeys.OUTPUT_TOKENS;
import static dev.llmobs.testing.GenAiKeys.PROVIDER;
import static dev.llmobs.testing.GenAiKeys.REQUEST_MODEL;
import static dev.llmobs.testing.GenAiKeys.RESPONSE_ID;
import static dev.llmobs.testing.GenAiKeys.STREAM;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.llmobs.instrumentation.langchain4j.scenarios.GenAiAgentTest;
import dev.llmobs.instrumentation.langchain4j.scenarios.OpenAiWire;
import dev.llmobs.instrumentation.langchain4j.scenarios.StreamRecorder;
import dev.llmobs.instrumentation.langchain4j.scenarios.Usage;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every public entry point of LangChain4j's model interfaces gives exactly one GenAI span,
 * whichever overload calls which in the version under test; models that are not LangChain4j's own
 * are traced too. Entry points newer than the oldest supported version are called reflectively and
 * skipped where absent.
 */
class LangChain4jEntryPointsTest extends GenAiAgentTest {

  static final String MODEL = "gpt-4o-mini";
  static final OpenAiWire WIRE = new OpenAiWire();

  OpenAiChatModel chatModel() {
    return OpenAiChatModel.builder()
        .baseUrl(server.url("/v1").toString())
        .apiKey(API_KEY)
        .modelName(MODEL)
        .maxRetries(0)
        .build();
  }

  OpenAiStreamingChatModel streamingModel() {
    return OpenAiStreamingChatModel.builder()
        .baseUrl(server.url("/v1").toString())
        .apiKey(API_KEY)
        .modelName(MODEL)
        .build();
  }

  OpenAiEmbeddingModel embeddingModel() {
    return OpenAiEmbeddingModel.builder()
        .baseUrl(server.url("/v1").toString())
        .apiKey(API_KEY)
        .modelName("text-embedding-3-small")
        .maxRetries(0)
        .build();
  }

  void enqueueChat() {
    server.enqueue(WIRE.chat("resp-e", MODEL, "Hi", Usage.of(5, 2)));
  }

  void enqueueStream() {
    server.enqueue(WIRE.stream("resp-e", MODEL, Arrays.asList("H", "i"), Usage.of(5, 2)));
  }

  /** Exactly one span in one trace: the chat call's, with what the server answered. */
  static void assertOneChatSpan(boolean stream) {
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat " + MODEL)
                        .hasKind(SpanKind.CLIENT)
                        .hasAttributesSatisfying(
                            equalTo(STREAM, stream),
                            equalTo(RESPONSE_ID, "resp-e"),
                            equalTo(INPUT_TOKENS, 5L),
                            equalTo(OUTPUT_TOKENS, 2L))));
  }

  @Test
  void chatString() {
    enqueueChat();
    assertThat(chatModel().chat("hello")).isEqualTo("Hi");
    assertOneChatSpan(false);
  }

  @Test
  void chatMessages() {
    enqueueChat();
    assertThat(chatModel().chat(UserMessage.from("hello")).aiMessage().text()).isEqualTo("Hi");
    assertOneChatSpan(false);
  }

  @Test
  void chatList() {
    enqueueChat();
    List<ChatMessage> messages = Arrays.asList(UserMessage.from("hello"));
    assertThat(chatModel().chat(messages).aiMessage().text()).isEqualTo("Hi");
    assertOneChatSpan(false);
  }

  @Test
  void chatRequest() {
    enqueueChat();
    ChatRequest request = ChatRequest.builder().messages(UserMessage.from("hello")).build();
    assertThat(chatModel().chat(request).aiMessage().text()).isEqualTo("Hi");
    assertOneChatSpan(false);
  }

  @Test
  void chatRequestWithOptions() throws Exception {
    Class<?> options = optional("dev.langchain4j.model.chat.ChatRequestOptions");
    enqueueChat();
    ChatRequest request = ChatRequest.builder().messages(UserMessage.from("hello")).build();
    Method chat = ChatModel.class.getMethod("chat", ChatRequest.class, options);
    ChatResponse response =
        (ChatResponse) chat.invoke(chatModel(), request, options.getField("EMPTY").get(null));
    assertThat(response.aiMessage().text()).isEqualTo("Hi");
    assertOneChatSpan(false);
  }

  @Test
  void streamString() throws Exception {
    enqueueStream();
    StreamRecorder recorder = new StreamRecorder();
    streamingModel().chat("hello", new RecordingHandler(recorder));
    assertThat(recorder.await().text()).isEqualTo("Hi");
    assertOneChatSpan(true);
  }

  @Test
  void streamList() throws Exception {
    enqueueStream();
    StreamRecorder recorder = new StreamRecorder();
    List<ChatMessage> messages = Arrays.asList(UserMessage.from("hello"));
    streamingModel().chat(messages, new RecordingHandler(recorder));
    assertThat(recorder.await().text()).isEqualTo("Hi");
    assertOneChatSpan(true);
  }

  @Test
  void streamRequest() throws Exception {
    enqueueStream();
    StreamRecorder recorder = new StreamRecorder();
    streamingModel()
        .chat(
            ChatRequest.builder().messages(UserMessage.from("hello")).build(),
            new RecordingHandler(recorder));
    assertThat(recorder.await().text()).isEqualTo("Hi");
    assertOneChatSpan(true);
  }

  @Test
  void streamRequestWithOptions() throws Exception {
    Class<?> options = optional("dev.langchain4j.model.chat.ChatRequestOptions");
    enqueueStream();
    StreamRecorder recorder = new StreamRecorder();
    OpenAiStreamingChatModel model = streamingModel();
    Method chat =
        model
            .getClass()
            .getMethod("chat", ChatRequest.class, options, StreamingChatResponseHandler.class);
    chat.invoke(
        model,
        ChatRequest.builder().messages(UserMessage.from("hello")).build(),
        options.getField("EMPTY").get(null),
        new RecordingHandler(recorder));
    assertThat(recorder.await().text()).isEqualTo("Hi");
    assertOneChatSpan(true);
  }

  @Test
  void streamCancelledThroughItsHandleEndsAsCancelled() throws Exception {
    optional("dev.langchain4j.model.chat.response.StreamingHandle");
    server.enqueue(
        WIRE.stream("resp-c", MODEL, Arrays.asList("one", "two", "three"), Usage.of(5, 3)));
    CountDownLatch cancelled = new CountDownLatch(1);
    // A handler written against 1.8+: cancels on the first partial response.
    InvocationHandler cancelling =
        (proxy, method, args) -> {
          if (method.getName().equals("onPartialResponse") && args.length == 2) {
            Object handle = args[1].getClass().getMethod("streamingHandle").invoke(args[1]);
            Method cancel = handle.getClass().getMethod("cancel");
            cancel.setAccessible(true);
            cancel.invoke(handle);
            cancelled.countDown();
          }
          return null;
        };
    StreamingChatResponseHandler handler =
        (StreamingChatResponseHandler)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {StreamingChatResponseHandler.class},
                cancelling);

    streamingModel().chat("hello", handler);

    assertThat(cancelled.await(10, TimeUnit.SECONDS)).isTrue();
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat " + MODEL)
                        .hasStatus(StatusData.error())
                        .hasAttributesSatisfying(equalTo(ERROR_TYPE, "cancelled"))));
  }

  @Test
  void embedString() {
    server.enqueue(WIRE.embeddings("text-embedding-3-small", 1, 3, 4));
    assertThat(embeddingModel().embed("hello").content().dimension()).isEqualTo(3);
    assertOneEmbeddingSpan(4);
  }

  @Test
  void embedSegment() {
    server.enqueue(WIRE.embeddings("text-embedding-3-small", 1, 3, 4));
    assertThat(embeddingModel().embed(TextSegment.from("hello")).content().dimension())
        .isEqualTo(3);
    assertOneEmbeddingSpan(4);
  }

  @Test
  void embedAll() {
    server.enqueue(WIRE.embeddings("text-embedding-3-small", 2, 3, 9));
    assertThat(
            embeddingModel()
                .embedAll(Arrays.asList(TextSegment.from("one"), TextSegment.from("two")))
                .content())
        .hasSize(2);
    assertOneEmbeddingSpan(9);
  }

  @Test
  void embedRequest() throws Exception {
    Class<?> requestType = optional("dev.langchain4j.model.embedding.request.EmbeddingRequest");
    server.enqueue(WIRE.embeddings("text-embedding-3-small", 1, 3, 4));
    Object builder = requestType.getMethod("builder").invoke(null);
    builder
        .getClass()
        .getMethod("textSegment", TextSegment.class)
        .invoke(builder, TextSegment.from("hello"));
    Object request = builder.getClass().getMethod("build").invoke(builder);
    OpenAiEmbeddingModel model = embeddingModel();
    Object response = model.getClass().getMethod("embed", requestType).invoke(model, request);
    assertThat((List<?>) response.getClass().getMethod("embeddings").invoke(response)).hasSize(1);
    assertOneEmbeddingSpan(4);
  }

  static void assertOneEmbeddingSpan(long tokens) {
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("embeddings text-embedding-3-small")
                        .hasKind(SpanKind.CLIENT)
                        .hasAttributesSatisfying(
                            equalTo(PROVIDER, "openai"), equalTo(INPUT_TOKENS, tokens))));
  }

  @Test
  void retriesOfOneCallAreInsideItsOneSpan() throws Exception {
    server.enqueue(WIRE.error(500));
    enqueueChat();
    OpenAiChatModel model =
        OpenAiChatModel.builder()
            .baseUrl(server.url("/v1").toString())
            .apiKey(API_KEY)
            .modelName(MODEL)
            .maxRetries(1)
            .build();

    assertThat(model.chat("hello")).isEqualTo("Hi");

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertOneChatSpan(false);
  }

  @Test
  void anApplicationsOwnModelIsTracedToo() {
    ChatModel own = new ScriptedChatModel();

    assertThat(own.chat("hello")).isEqualTo("scripted");

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat in-house-1")
                        .hasKind(SpanKind.CLIENT)
                        .hasAttributesSatisfying(
                            equalTo(PROVIDER, "_OTHER"),
                            equalTo(REQUEST_MODEL, "in-house-1"),
                            equalTo(INPUT_TOKENS, 3L),
                            equalTo(OUTPUT_TOKENS, 1L))));
  }

  @Test
  void aModelThatOverridesChatAndDelegatesGivesOneSpan() {
    enqueueChat();
    OpenAiChatModel inner = chatModel();
    // A decorator as applications write them: its chat(ChatRequest) calls the real model's.
    ChatModel decorator =
        new ChatModel() {
          @Override
          public ChatResponse chat(ChatRequest request) {
            return inner.chat(request);
          }
        };

    assertThat(decorator.chat("hello")).isEqualTo("Hi");

    // The outermost layer owns the span: the decorator's, with the real model's response.
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasKind(SpanKind.CLIENT)
                        .hasAttributesSatisfying(
                            equalTo(RESPONSE_ID, "resp-e"), equalTo(INPUT_TOKENS, 5L))));
  }

  /** An application's own model: answers from a script through the doChat contract. */
  static final class ScriptedChatModel implements ChatModel {
    @Override
    public ChatRequestParameters defaultRequestParameters() {
      return ChatRequestParameters.builder().modelName("in-house-1").build();
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
      return ChatResponse.builder()
          .aiMessage(AiMessage.from("scripted"))
          .tokenUsage(new TokenUsage(3, 1))
          .finishReason(FinishReason.STOP)
          .build();
    }
  }

  static Class<?> optional(String className) {
    try {
      return Class.forName(className);
    } catch (ClassNotFoundException e) {
      assumeTrue(false, className + " is not in this LangChain4j version");
      return null;
    }
  }
}
