package dev.llmobs.instrumentation.openai;

import static dev.llmobs.testing.GenAiKeys.*;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.core.http.StreamResponse;
import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A real openai-java client over real HTTP to a local fake server, under the agent. */
class OpenAiInstrumentationTest extends OpenAiAgentTest {

  static ChatCompletionCreateParams.Builder chat(String model) {
    return ChatCompletionCreateParams.builder().model(model).addUserMessage("Say hello");
  }

  @Test
  void chatCompletion() {
    server.enqueue(
        FakeOpenAi.json(FakeOpenAi.chatCompletion("chatcmpl-1", "gpt-4o-mini-2024-07-18")));

    ChatCompletion completion =
        testing.runWithSpan(
            "parent",
            () ->
                client
                    .chat()
                    .completions()
                    .create(
                        chat("gpt-4o-mini")
                            .temperature(0.2)
                            .topP(0.9)
                            .maxCompletionTokens(64)
                            .seed(7)
                            .n(1)
                            .frequencyPenalty(0.1)
                            .presencePenalty(0.3)
                            .stopOfStrings(Arrays.asList("END", "STOP"))
                            .build()));

    assertThat(completion.id()).isEqualTo("chatcmpl-1");
    assertThat(completion.choices().get(0).message().content()).contains("Hello there");
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span -> span.hasName("parent"),
                span ->
                    span.hasName("chat gpt-4o-mini")
                        .hasKind(SpanKind.CLIENT)
                        .hasParent(trace.getSpan(0))
                        .hasAttributesSatisfyingExactly(
                            equalTo(OPERATION, "chat"),
                            equalTo(PROVIDER, "openai"),
                            equalTo(REQUEST_MODEL, "gpt-4o-mini"),
                            equalTo(STREAM, false),
                            equalTo(TEMPERATURE, 0.2),
                            equalTo(TOP_P, 0.9),
                            equalTo(MAX_TOKENS, 64L),
                            equalTo(SEED, 7L),
                            equalTo(CHOICE_COUNT, 1L),
                            equalTo(FREQUENCY_PENALTY, 0.1),
                            equalTo(PRESENCE_PENALTY, 0.3),
                            equalTo(STOP, Arrays.asList("END", "STOP")),
                            equalTo(RESPONSE_MODEL, "gpt-4o-mini-2024-07-18"),
                            equalTo(RESPONSE_ID, "chatcmpl-1"),
                            equalTo(FINISH_REASONS, Collections.singletonList("stop")),
                            equalTo(INPUT_TOKENS, 21L),
                            equalTo(OUTPUT_TOKENS, 7L),
                            equalTo(CACHE_READ, 5L),
                            equalTo(REASONING, 2L),
                            equalTo(SERVER_ADDRESS, server.getHostName()),
                            equalTo(SERVER_PORT, (long) server.getPort()),
                            // gpt-4o-mini: 16 x 0.15 + 5 x 0.075 + 7 x 0.60 USD per 1M tokens
                            equalTo(COST, 6.975e-6),
                            equalTo(COST_CURRENCY, "USD"),
                            equalTo(COST_SOURCE, "local"))));
  }

  @Test
  void serverErrorIsAnErrorWithTheStatusCode() {
    server.enqueue(FakeOpenAi.error(500, "server_error"));

    assertThatThrownBy(() -> client.chat().completions().create(chat("gpt-4o").build()))
        .isInstanceOf(InternalServerException.class);

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat gpt-4o")
                        .hasStatus(StatusData.error())
                        .hasEventsSatisfyingExactly(
                            event ->
                                event
                                    .hasName("exception")
                                    .hasAttributesSatisfying(
                                        equalTo(
                                            AttributeKey.stringKey("exception.type"),
                                            InternalServerException.class.getName())))
                        .hasAttributesSatisfying(equalTo(ERROR_TYPE, "500"))));
  }

  @Test
  void rateLimitIsRateLimited() {
    server.enqueue(FakeOpenAi.error(429, "rate_limit_exceeded"));

    assertThatThrownBy(() -> client.chat().completions().create(chat("gpt-4o").build()))
        .isInstanceOf(RateLimitException.class);

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasStatus(StatusData.error())
                        .hasAttributesSatisfying(equalTo(ERROR_TYPE, "rate_limited"))));
  }

  @Test
  void timeoutIsTimeout() {
    OpenAIClient impatient = client(Duration.ofMillis(300));
    server.enqueue(FakeOpenAi.slow(FakeOpenAi.chatCompletion("late", "gpt-4o"), 3000));
    try {
      assertThatThrownBy(() -> impatient.chat().completions().create(chat("gpt-4o").build()))
          .isInstanceOf(OpenAIIoException.class);
    } finally {
      impatient.close();
    }

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasStatus(StatusData.error())
                        .hasAttributesSatisfying(equalTo(ERROR_TYPE, "timeout"))));
  }

  @Test
  void streamingChatEndsWhenDrainedWithUsageFromTheLastChunk() {
    server.enqueue(
        FakeOpenAi.sse(
            FakeOpenAi.chatChunk("chatcmpl-s", "Hel", null),
            FakeOpenAi.chatChunk("chatcmpl-s", "lo", null),
            FakeOpenAi.chatChunk("chatcmpl-s", null, "stop"),
            FakeOpenAi.usageChunk("chatcmpl-s", 9, 3)));

    List<String> text = new ArrayList<>();
    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(chat("gpt-4o-mini").build())) {
      stream.stream()
          .forEach(chunk -> chunk.choices().forEach(c -> c.delta().content().ifPresent(text::add)));
    }

    assertThat(String.join("", text)).isEqualTo("Hello");
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat gpt-4o-mini")
                        .hasKind(SpanKind.CLIENT)
                        .hasStatus(StatusData.unset())
                        .hasAttributesSatisfying(
                            equalTo(STREAM, true),
                            equalTo(RESPONSE_ID, "chatcmpl-s"),
                            equalTo(RESPONSE_MODEL, "gpt-4o-mini-2024-07-18"),
                            equalTo(FINISH_REASONS, Collections.singletonList("stop")),
                            equalTo(INPUT_TOKENS, 9L),
                            equalTo(OUTPUT_TOKENS, 3L),
                            // "Hel" and "lo"; the finish-only and usage-only chunks carry no output
                            equalTo(CHUNK_COUNT, 2L),
                            satisfies(TIME_TO_FIRST_CHUNK, t -> t.isGreaterThanOrEqualTo(0.0)))));
  }

  @Test
  void streamClosedEarlyEndsTheSpanAsCancelled() {
    server.enqueue(
        FakeOpenAi.sse(
            FakeOpenAi.chatChunk("chatcmpl-c", "one", null),
            FakeOpenAi.chatChunk("chatcmpl-c", "two", null),
            FakeOpenAi.chatChunk("chatcmpl-c", "three", "stop")));

    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(chat("gpt-4o-mini").build())) {
      Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
      assertThat(chunks.next().id()).isEqualTo("chatcmpl-c");
    }

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasStatus(StatusData.error())
                        .hasAttributesSatisfying(
                            equalTo(ERROR_TYPE, "cancelled"), equalTo(CHUNK_COUNT, 1L))));
  }

  @Test
  void asyncChatEndsOnCompletionAndKeepsTheParent() {
    server.enqueue(FakeOpenAi.json(FakeOpenAi.chatCompletion("chatcmpl-a", "gpt-4o-2024-08-06")));

    ChatCompletion completion =
        testing
            .runWithSpan(
                "parent", () -> client.async().chat().completions().create(chat("gpt-4o").build()))
            .join();

    assertThat(completion.id()).isEqualTo("chatcmpl-a");
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span -> span.hasName("parent"),
                span ->
                    span.hasName("chat gpt-4o")
                        .hasParent(trace.getSpan(0))
                        .hasAttributesSatisfying(
                            equalTo(RESPONSE_ID, "chatcmpl-a"), equalTo(INPUT_TOKENS, 21L))));
  }

  @Test
  void asyncStreamingChat() {
    server.enqueue(
        FakeOpenAi.sse(
            FakeOpenAi.chatChunk("chatcmpl-as", "Hi", null),
            FakeOpenAi.chatChunk("chatcmpl-as", null, "stop"),
            FakeOpenAi.usageChunk("chatcmpl-as", 4, 1)));

    List<ChatCompletionChunk> received = Collections.synchronizedList(new ArrayList<>());
    AsyncStreamResponse<ChatCompletionChunk> stream =
        client.async().chat().completions().createStreaming(chat("gpt-4o-mini").build());
    stream.subscribe(received::add);
    stream.onCompleteFuture().join();

    assertThat(received).hasSize(3);
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat gpt-4o-mini")
                        .hasAttributesSatisfying(
                            equalTo(STREAM, true),
                            equalTo(RESPONSE_ID, "chatcmpl-as"),
                            equalTo(INPUT_TOKENS, 4L),
                            equalTo(OUTPUT_TOKENS, 1L),
                            equalTo(CHUNK_COUNT, 1L))));
  }

  @Test
  void responsesWithPreviousResponseIdIsTheConversation() {
    server.enqueue(FakeOpenAi.json(FakeOpenAi.response("resp_2", "completed", "Sure")));

    Response response =
        client
            .responses()
            .create(
                ResponseCreateParams.builder()
                    .model("gpt-4.1")
                    .input("And then?")
                    .previousResponseId("resp_1")
                    .maxOutputTokens(100L)
                    .build());

    assertThat(response.id()).isEqualTo("resp_2");
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat gpt-4.1")
                        .hasKind(SpanKind.CLIENT)
                        .hasAttributesSatisfyingExactly(
                            equalTo(OPERATION, "chat"),
                            equalTo(PROVIDER, "openai"),
                            equalTo(REQUEST_MODEL, "gpt-4.1"),
                            equalTo(STREAM, false),
                            equalTo(MAX_TOKENS, 100L),
                            equalTo(CONVERSATION_ID, "resp_1"),
                            equalTo(RESPONSE_ID, "resp_2"),
                            equalTo(RESPONSE_MODEL, "gpt-4.1-2025-04-14"),
                            equalTo(FINISH_REASONS, Collections.singletonList("stop")),
                            equalTo(INPUT_TOKENS, 30L),
                            equalTo(OUTPUT_TOKENS, 12L),
                            equalTo(CACHE_READ, 10L),
                            equalTo(REASONING, 4L),
                            equalTo(SERVER_ADDRESS, server.getHostName()),
                            equalTo(SERVER_PORT, (long) server.getPort()),
                            // gpt-4.1: 20 x 2.00 + 10 x 0.50 + 12 x 8.00 USD per 1M tokens
                            equalTo(COST, 1.41e-4),
                            equalTo(COST_CURRENCY, "USD"),
                            equalTo(COST_SOURCE, "local"))));
  }

  @Test
  void streamingResponsesCountsTextDeltas() {
    String created = FakeOpenAi.response("resp_s", "in_progress", "");
    String completed = FakeOpenAi.response("resp_s", "completed", "Hello");
    server.enqueue(
        FakeOpenAi.sse(
            FakeOpenAi.responseEvent("response.created", created, 0),
            FakeOpenAi.textDelta("Hel", 1),
            FakeOpenAi.textDelta("lo", 2),
            FakeOpenAi.responseEvent("response.completed", completed, 3)));

    List<ResponseStreamEvent> events;
    try (StreamResponse<ResponseStreamEvent> stream =
        client
            .responses()
            .createStreaming(ResponseCreateParams.builder().model("gpt-4.1").input("Hi").build())) {
      events = stream.stream().collect(Collectors.toList());
    }

    assertThat(events).hasSize(4);
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat gpt-4.1")
                        .hasStatus(StatusData.unset())
                        .hasAttributesSatisfying(
                            equalTo(STREAM, true),
                            equalTo(RESPONSE_ID, "resp_s"),
                            equalTo(FINISH_REASONS, Collections.singletonList("stop")),
                            equalTo(INPUT_TOKENS, 30L),
                            equalTo(OUTPUT_TOKENS, 12L),
                            equalTo(CHUNK_COUNT, 2L))));
  }

  @Test
  void asyncResponses() {
    server.enqueue(FakeOpenAi.json(FakeOpenAi.response("resp_a", "completed", "ok")));

    Response response =
        client
            .async()
            .responses()
            .create(ResponseCreateParams.builder().model("gpt-4.1").input("Hi").build())
            .join();

    assertThat(response.id()).isEqualTo("resp_a");
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat gpt-4.1")
                        .hasAttributesSatisfying(equalTo(RESPONSE_ID, "resp_a"))));
  }

  @Test
  void embeddingsSyncAndAsync() {
    server.enqueue(FakeOpenAi.json(FakeOpenAi.embeddings("text-embedding-3-small", 8)));
    server.enqueue(FakeOpenAi.json(FakeOpenAi.embeddings("text-embedding-3-small", 5)));

    CreateEmbeddingResponse sync =
        client
            .embeddings()
            .create(
                EmbeddingCreateParams.builder()
                    .model("text-embedding-3-small")
                    .input("embed me")
                    .dimensions(3L)
                    .encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT)
                    .build());
    client
        .async()
        .embeddings()
        .create(
            EmbeddingCreateParams.builder().model("text-embedding-3-small").input("me too").build())
        .join();

    assertThat(sync.data()).hasSize(1);
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("embeddings text-embedding-3-small")
                        .hasKind(SpanKind.CLIENT)
                        .hasAttributesSatisfyingExactly(
                            equalTo(OPERATION, "embeddings"),
                            equalTo(PROVIDER, "openai"),
                            equalTo(REQUEST_MODEL, "text-embedding-3-small"),
                            equalTo(DIMENSIONS, 3L),
                            equalTo(
                                AttributeKey.stringArrayKey("gen_ai.request.encoding_formats"),
                                Collections.singletonList("float")),
                            equalTo(RESPONSE_MODEL, "text-embedding-3-small"),
                            equalTo(INPUT_TOKENS, 8L),
                            equalTo(SERVER_ADDRESS, server.getHostName()),
                            equalTo(SERVER_PORT, (long) server.getPort()),
                            // text-embedding-3-small: 8 x 0.02 USD per 1M tokens
                            equalTo(COST, 1.6e-7),
                            equalTo(COST_CURRENCY, "USD"),
                            equalTo(COST_SOURCE, "local"))),
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("embeddings text-embedding-3-small")
                        .hasAttributesSatisfying(equalTo(INPUT_TOKENS, 5L))));
  }

  @Test
  void noContentIsCapturedByDefault() {
    server.enqueue(FakeOpenAi.json(FakeOpenAi.chatCompletion("chatcmpl-n", "gpt-4o")));
    client.chat().completions().create(chat("gpt-4o").build());

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasAttributesSatisfying(
                        attributes -> {
                          assertThat(attributes.get(INPUT_MESSAGES)).isNull();
                          assertThat(attributes.get(OUTPUT_MESSAGES)).isNull();
                          assertThat(attributes.toString()).doesNotContain("Say hello");
                        })));
  }
}
