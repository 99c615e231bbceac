package dev.llmobs.instrumentation.openai;

import static dev.llmobs.testing.GenAiKeys.*;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.ClientOptions;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.services.blocking.ResponseService;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What is particular to openai-java beyond the chat and embeddings suites: every chat request
 * parameter, and the Responses API.
 */
class OpenAiInstrumentationTest extends OpenAiAgentTest {

  // The ids of the recordings responses.json and responses-stream.sse.
  static final String RESPONSES_ID = "resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b";
  static final String STREAM_ID = "resp_67c9fdcecf488190bdd9a0409de3a1ec07b8b0ad4e5a0a5a";

  static ChatCompletionCreateParams.Builder chat(String model) {
    return ChatCompletionCreateParams.builder().model(model).addUserMessage("Say hello");
  }

  @Test
  void chatCompletion() {
    server.reply("chat.json");

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

    assertThat(completion.id()).isEqualTo("chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT");
    assertThat(completion.choices().get(0).message().content()).contains("Hello there");
    List<AttributeAssertion> attributes =
        new ArrayList<>(
            Arrays.asList(
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
                equalTo(STOP, Arrays.asList("END", "STOP"))));
    attributes.addAll(OpenAiChatTest.chatJson(server));
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span -> span.hasName("parent"),
                span ->
                    span.hasName("chat gpt-4o-mini")
                        .hasKind(SpanKind.CLIENT)
                        .hasParent(trace.getSpan(0))
                        .hasAttributesSatisfyingExactly(attributes)));
  }

  @Test
  void responsesWithPreviousResponseIdIsTheConversation() {
    server.reply("responses.json");

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

    assertThat(response.id()).isEqualTo(RESPONSES_ID);
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
                            equalTo(RESPONSE_ID, RESPONSES_ID),
                            equalTo(RESPONSE_MODEL, "gpt-4.1-2025-04-14"),
                            equalTo(FINISH_REASONS, Collections.singletonList("stop")),
                            equalTo(INPUT_TOKENS, 30L),
                            equalTo(OUTPUT_TOKENS, 12L),
                            equalTo(CACHE_READ, 10L),
                            equalTo(REASONING, 4L),
                            equalTo(SERVER_ADDRESS, server.host()),
                            equalTo(SERVER_PORT, (long) server.port()),
                            // gpt-4.1: 20 x 2.00 + 10 x 0.50 + 12 x 8.00 USD per 1M tokens
                            equalTo(COST, 1.41e-4),
                            equalTo(COST_CURRENCY, "USD"),
                            equalTo(COST_SOURCE, "local"))));
  }

  @Test
  void streamingResponsesCountsTextDeltas() {
    server.reply("responses-stream.sse");

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
                            equalTo(RESPONSE_ID, STREAM_ID),
                            equalTo(FINISH_REASONS, Collections.singletonList("stop")),
                            equalTo(INPUT_TOKENS, 30L),
                            equalTo(OUTPUT_TOKENS, 12L),
                            equalTo(CHUNK_COUNT, 2L))));
  }

  @Test
  void asyncResponses() {
    server.reply("responses.json");

    Response response =
        client
            .async()
            .responses()
            .create(ResponseCreateParams.builder().model("gpt-4.1").input("Hi").build())
            .join();

    assertThat(response.id()).isEqualTo(RESPONSES_ID);
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat gpt-4.1")
                        .hasAttributesSatisfying(equalTo(RESPONSE_ID, RESPONSES_ID))));
  }

  static ResponseCreateParams responsesParams() {
    return ResponseCreateParams.builder().model("gpt-4.1").input("Hi").build();
  }

  void assertOneResponsesSpan(String responseId) {
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat gpt-4.1")
                        .hasKind(SpanKind.CLIENT)
                        .hasAttributesSatisfying(
                            equalTo(RESPONSE_ID, responseId), equalTo(INPUT_TOKENS, 30L))));
  }

  @Test
  void responsesEveryBlockingEntryPoint() throws Exception {
    server.reply("responses.json");
    try (HttpResponseFor<Response> raw =
        client.responses().withRawResponse().create(responsesParams())) {
      assertThat(raw.parse().id()).isEqualTo(RESPONSES_ID);
    }
    assertOneResponsesSpan(RESPONSES_ID);
    testing.clearData();

    server.reply("responses.json");
    try (HttpResponseFor<Response> raw =
        client.withRawResponse().responses().create(responsesParams())) {
      assertThat(raw.parse().id()).isEqualTo(RESPONSES_ID);
    }
    assertOneResponsesSpan(RESPONSES_ID);
  }

  @Test
  void responsesWithOptions() throws Exception {
    server.reply("responses.json");
    Consumer<ClientOptions.Builder> options = b -> b.putHeader("x-llmobs-test", "options");
    withOptions(ResponseService.class, client.responses(), options).create(responsesParams());
    assertOneResponsesSpan(RESPONSES_ID);
  }

  @Test
  void asyncStreamingResponses() {
    server.reply("responses-stream.sse");

    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    AsyncStreamResponse<ResponseStreamEvent> stream =
        client.async().responses().createStreaming(responsesParams());
    stream.subscribe(event -> seen.add(String.valueOf(Span.fromContextOrNull(Context.current()))));
    stream.onCompleteFuture().join();

    assertThat(seen).containsExactly("null", "null", "null", "null");
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat gpt-4.1")
                        .hasStatus(StatusData.unset())
                        .hasAttributesSatisfying(
                            equalTo(STREAM, true),
                            equalTo(RESPONSE_ID, STREAM_ID),
                            equalTo(CHUNK_COUNT, 2L))));
  }

  @Test
  void responsesAsyncRawAndRawStreaming() {
    server.reply("responses.json");
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    String id =
        client
            .async()
            .responses()
            .withRawResponse()
            .create(responsesParams())
            .thenApply(
                raw -> {
                  seen.add(String.valueOf(Span.fromContextOrNull(Context.current())));
                  return raw.parse().id();
                })
            .join();
    assertThat(id).isEqualTo(RESPONSES_ID);
    assertThat(seen).containsExactly("null");
    assertOneResponsesSpan(RESPONSES_ID);
    testing.clearData();

    server.reply("responses-stream.sse");
    try (StreamResponse<ResponseStreamEvent> stream =
        client.responses().withRawResponse().createStreaming(responsesParams()).parse()) {
      assertThat(stream.stream().count()).isEqualTo(4);
    }
    assertOneResponsesSpan(STREAM_ID);
  }
}
