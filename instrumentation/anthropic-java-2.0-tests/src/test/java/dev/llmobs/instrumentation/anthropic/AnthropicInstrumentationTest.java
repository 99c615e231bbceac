package dev.llmobs.instrumentation.anthropic;

import static dev.llmobs.testing.GenAiKeys.*;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.AsyncStreamResponse;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.RateLimitException;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.testing.junit.AgentInstrumentationExtension;
import io.opentelemetry.instrumentation.testing.junit.InstrumentationExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A real anthropic-java client over real HTTP to a local fake server, under the agent. */
class AnthropicInstrumentationTest {

  @RegisterExtension
  static final InstrumentationExtension testing = AgentInstrumentationExtension.create();

  static final String API_KEY = "sk-ant-test-secret-do-not-leak";
  static final String MODEL = "claude-sonnet-4-20250514";

  MockWebServer server;
  AnthropicClient client;

  @BeforeEach
  void setUp() throws Exception {
    server = new MockWebServer();
    server.start();
    client =
        AnthropicOkHttpClient.builder()
            .baseUrl(server.url("/").toString())
            .apiKey(API_KEY)
            .maxRetries(0)
            .build();
  }

  @AfterEach
  void tearDown() throws Exception {
    client.close();
    server.shutdown();
    for (SpanData span : testing.spans()) {
      assertThat(span.getAttributes().toString()).doesNotContain(API_KEY);
    }
  }

  static MessageCreateParams.Builder params() {
    return MessageCreateParams.builder().model(MODEL).maxTokens(256).addUserMessage("Say hello");
  }

  static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  static String message(String id) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\""
        + MODEL
        + "\",\"content\":[{\"type\":\"text\",\"text\":\"Hello\"}],"
        + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":10,"
        + "\"output_tokens\":5,\"cache_read_input_tokens\":100,"
        + "\"cache_creation_input_tokens\":20}}";
  }

  static MockResponse sse(String... events) {
    StringBuilder body = new StringBuilder();
    for (String event : events) {
      String type = event.substring(event.indexOf("\"type\":\"") + 8);
      type = type.substring(0, type.indexOf('"'));
      body.append("event: ").append(type).append("\ndata: ").append(event).append("\n\n");
    }
    return new MockResponse()
        .setHeader("Content-Type", "text/event-stream")
        .setBody(body.toString());
  }

  static MockResponse streamOf(String id, String... texts) {
    List<String> events = new ArrayList<>();
    events.add(
        "{\"type\":\"message_start\",\"message\":{\"id\":\""
            + id
            + "\",\"type\":\"message\","
            + "\"role\":\"assistant\",\"model\":\""
            + MODEL
            + "\",\"content\":[],"
            + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,"
            + "\"output_tokens\":1,\"cache_read_input_tokens\":50,"
            + "\"cache_creation_input_tokens\":0}}}");
    events.add(
        "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\","
            + "\"text\":\"\"}}");
    for (String text : texts) {
      events.add(
          "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\","
              + "\"text\":\""
              + text
              + "\"}}");
    }
    events.add("{\"type\":\"content_block_stop\",\"index\":0}");
    events.add(
        "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
            + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":6}}");
    events.add("{\"type\":\"message_stop\"}");
    return sse(events.toArray(new String[0]));
  }

  @Test
  void messageWithCacheTokensNormalisedAndPriced() {
    server.enqueue(json(message("msg_1")));

    Message message =
        client
            .messages()
            .create(
                params()
                    .stopSequences(Collections.singletonList("END"))
                    .putAdditionalBodyProperty("temperature", JsonValue.from(0.5))
                    .build());

    assertThat(message.id()).isEqualTo("msg_1");
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat " + MODEL)
                        .hasKind(SpanKind.CLIENT)
                        .hasAttributesSatisfying(
                            equalTo(OPERATION, "chat"),
                            equalTo(PROVIDER, "anthropic"),
                            equalTo(REQUEST_MODEL, MODEL),
                            equalTo(STREAM, false),
                            equalTo(MAX_TOKENS, 256L),
                            equalTo(TEMPERATURE, 0.5),
                            equalTo(STOP, Collections.singletonList("END")),
                            equalTo(RESPONSE_ID, "msg_1"),
                            equalTo(RESPONSE_MODEL, MODEL),
                            equalTo(FINISH_REASONS, Collections.singletonList("end_turn")),
                            // Anthropic's input_tokens excludes the cache: 10 + 100 + 20.
                            equalTo(INPUT_TOKENS, 130L),
                            equalTo(OUTPUT_TOKENS, 5L),
                            equalTo(CACHE_READ, 100L),
                            equalTo(CACHE_CREATION, 20L),
                            // 10 x 3.00 + 100 x 0.30 + 20 x 3.75 + 5 x 15.00 USD per 1M tokens
                            equalTo(COST, 2.1e-4),
                            equalTo(COST_CURRENCY, "USD"),
                            equalTo(COST_SOURCE, "local"))));
  }

  @Test
  void rateLimitIsRateLimited() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(429)
            .setHeader("Content-Type", "application/json")
            .setBody(
                "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}"));

    assertThatThrownBy(() -> client.messages().create(params().build()))
        .isInstanceOf(RateLimitException.class);

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasStatus(StatusData.error())
                        .hasAttributesSatisfying(equalTo(ERROR_TYPE, "rate_limited"))));
  }

  @Test
  void streamingMessage() {
    server.enqueue(streamOf("msg_s", "Hel", "lo"));

    List<RawMessageStreamEvent> events;
    try (StreamResponse<RawMessageStreamEvent> stream =
        client.messages().createStreaming(params().build())) {
      events = stream.stream().collect(Collectors.toList());
    }

    assertThat(events).hasSize(7);
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat " + MODEL)
                        .hasStatus(StatusData.unset())
                        .hasAttributesSatisfying(
                            equalTo(STREAM, true),
                            equalTo(RESPONSE_ID, "msg_s"),
                            equalTo(FINISH_REASONS, Collections.singletonList("end_turn")),
                            equalTo(INPUT_TOKENS, 62L),
                            equalTo(OUTPUT_TOKENS, 6L),
                            equalTo(CACHE_READ, 50L),
                            equalTo(CHUNK_COUNT, 2L),
                            satisfies(TIME_TO_FIRST_CHUNK, t -> t.isGreaterThanOrEqualTo(0.0)))));
  }

  @Test
  void streamClosedEarlyIsCancelled() {
    server.enqueue(streamOf("msg_c", "a", "b", "c"));

    try (StreamResponse<RawMessageStreamEvent> stream =
        client.messages().createStreaming(params().build())) {
      Iterator<RawMessageStreamEvent> it = stream.stream().iterator();
      it.next(); // message_start
      it.next(); // content_block_start
      it.next(); // first delta
    }

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasStatus(StatusData.error())
                        .hasAttributesSatisfying(
                            equalTo(ERROR_TYPE, "cancelled"),
                            equalTo(RESPONSE_ID, "msg_c"),
                            equalTo(CHUNK_COUNT, 1L))));
  }

  @Test
  void asyncMessageAndAsyncStream() {
    server.enqueue(json(message("msg_a")));
    server.enqueue(streamOf("msg_as", "x"));

    Message message = client.async().messages().create(params().build()).join();
    List<RawMessageStreamEvent> received = Collections.synchronizedList(new ArrayList<>());
    AsyncStreamResponse<RawMessageStreamEvent> stream =
        client.async().messages().createStreaming(params().build());
    stream.subscribe(received::add);
    stream.onCompleteFuture().join();

    assertThat(message.id()).isEqualTo("msg_a");
    assertThat(received).hasSize(6);
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasAttributesSatisfying(
                        equalTo(RESPONSE_ID, "msg_a"), equalTo(INPUT_TOKENS, 130L))),
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasAttributesSatisfying(
                        equalTo(RESPONSE_ID, "msg_as"),
                        equalTo(STREAM, true),
                        equalTo(CHUNK_COUNT, 1L),
                        equalTo(OUTPUT_TOKENS, 6L))));
  }

  @Test
  void serverAddressWhenTheSdkExposesIt() {
    server.enqueue(json(message("msg_srv")));
    client.messages().create(params().build());

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasAttributesSatisfying(
                        attributes -> {
                          // ClientOptions.baseUrl() exists from anthropic-java 2.2 on.
                          if (attributes.get(SERVER_ADDRESS) != null) {
                            assertThat(attributes.get(SERVER_ADDRESS))
                                .isEqualTo(server.getHostName());
                            assertThat(attributes.get(SERVER_PORT))
                                .isEqualTo((long) server.getPort());
                          }
                        })));
  }
}
