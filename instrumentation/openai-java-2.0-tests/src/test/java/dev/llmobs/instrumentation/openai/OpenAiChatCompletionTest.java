package dev.llmobs.instrumentation.openai;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.InternalServerException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.instrumentation.testing.junit.AgentInstrumentationExtension;
import io.opentelemetry.instrumentation.testing.junit.InstrumentationExtension;
import java.util.Arrays;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpenAiChatCompletionTest {

  @RegisterExtension
  static final InstrumentationExtension testing = AgentInstrumentationExtension.create();

  // Spelled out here rather than taken from our constants class, which is (on purpose) not on this
  // classpath: the test pins the wire names independently.
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
  static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
  static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
  static final AttributeKey<String> RESPONSE_MODEL =
      AttributeKey.stringKey("gen_ai.response.model");
  static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");
  static final AttributeKey<List<String>> FINISH_REASONS =
      AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
  static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
  static final AttributeKey<Long> OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.output_tokens");
  static final AttributeKey<Long> CACHE_READ =
      AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens");
  static final AttributeKey<Long> REASONING =
      AttributeKey.longKey("gen_ai.usage.reasoning.output_tokens");
  static final AttributeKey<Boolean> STREAM = AttributeKey.booleanKey("gen_ai.request.stream");
  static final AttributeKey<Double> TEMPERATURE =
      AttributeKey.doubleKey("gen_ai.request.temperature");
  static final AttributeKey<Long> MAX_TOKENS = AttributeKey.longKey("gen_ai.request.max_tokens");
  static final AttributeKey<Long> SEED = AttributeKey.longKey("gen_ai.request.seed");
  static final AttributeKey<List<String>> STOP =
      AttributeKey.stringArrayKey("gen_ai.request.stop_sequences");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  static final String COMPLETION_JSON =
      "{\"id\":\"chatcmpl-123\",\"object\":\"chat.completion\",\"created\":1700000000,"
          + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":"
          + "{\"role\":\"assistant\",\"content\":\"Hello there\"},\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":21,\"completion_tokens\":7,\"total_tokens\":28,"
          + "\"prompt_tokens_details\":{\"cached_tokens\":5},"
          + "\"completion_tokens_details\":{\"reasoning_tokens\":2}}}";

  MockWebServer server;
  OpenAIClient client;

  @BeforeEach
  void setUp() throws Exception {
    server = new MockWebServer();
    server.start();
    client =
        OpenAIOkHttpClient.builder()
            .baseUrl(server.url("/v1").toString())
            .apiKey("sk-test-secret")
            .maxRetries(0)
            .build();
  }

  @AfterEach
  void tearDown() throws Exception {
    client.close();
    server.shutdown();
  }

  @Test
  void chatCompletionBecomesClientSpanWithGenAiAttributes() {
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "application/json")
            .setBody(COMPLETION_JSON));

    ChatCompletion completion =
        client
            .chat()
            .completions()
            .create(
                ChatCompletionCreateParams.builder()
                    .model("gpt-4o-mini")
                    .addUserMessage("Say hello")
                    .temperature(0.2)
                    .maxCompletionTokens(64)
                    .seed(7)
                    .stopOfStrings(Arrays.asList("END", "STOP"))
                    .build());

    // The app's result is untouched.
    assertThat(completion.id()).isEqualTo("chatcmpl-123");
    assertThat(completion.choices().get(0).message().content()).contains("Hello there");

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat gpt-4o-mini")
                        .hasKind(SpanKind.CLIENT)
                        .hasNoParent()
                        .hasAttributesSatisfyingExactly(
                            equalTo(OPERATION, "chat"),
                            equalTo(PROVIDER, "openai"),
                            equalTo(REQUEST_MODEL, "gpt-4o-mini"),
                            equalTo(STREAM, false),
                            equalTo(TEMPERATURE, 0.2),
                            equalTo(MAX_TOKENS, 64L),
                            equalTo(SEED, 7L),
                            equalTo(STOP, Arrays.asList("END", "STOP")),
                            equalTo(RESPONSE_MODEL, "gpt-4o-mini-2024-07-18"),
                            equalTo(RESPONSE_ID, "chatcmpl-123"),
                            equalTo(FINISH_REASONS, Arrays.asList("stop")),
                            equalTo(INPUT_TOKENS, 21L),
                            equalTo(OUTPUT_TOKENS, 7L),
                            equalTo(CACHE_READ, 5L),
                            equalTo(REASONING, 2L),
                            // The extension's cost processor prices every GenAI span (see
                            // OpenAiChatCostTest): gpt-4o-mini at 0.15 / 0.075 cached / 0.60 per
                            // 1M: 16 x 0.15 + 5 x 0.075 + 7 x 0.60 = 6.975 per 1M.
                            equalTo(AttributeKey.doubleKey("gen_ai.usage.cost.amount"), 0.000006975),
                            equalTo(AttributeKey.stringKey("gen_ai.usage.cost.currency"), "USD"),
                            equalTo(AttributeKey.stringKey("gen_ai.usage.cost.source"), "local"),
                            equalTo(SERVER_ADDRESS, server.getHostName()),
                            equalTo(SERVER_PORT, (long) server.getPort()))));
  }

  @Test
  void serverErrorMarksSpanAsErrorWithStatusCodeAsErrorType() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(500)
            .setHeader("Content-Type", "application/json")
            .setBody("{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}"));

    assertThatThrownBy(
            () ->
                client
                    .chat()
                    .completions()
                    .create(
                        ChatCompletionCreateParams.builder()
                            .model("gpt-4o")
                            .addUserMessage("fail please")
                            .build()))
        .isInstanceOf(InternalServerException.class);

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat gpt-4o")
                        .hasKind(SpanKind.CLIENT)
                        .hasStatus(StatusData.error())
                        .hasEventsSatisfyingExactly(
                            event ->
                                event
                                    .hasName("exception")
                                    .hasAttributesSatisfying(
                                        equalTo(
                                            AttributeKey.stringKey("exception.type"),
                                            InternalServerException.class.getName())))
                        .hasAttributesSatisfying(
                            equalTo(OPERATION, "chat"),
                            equalTo(PROVIDER, "openai"),
                            equalTo(REQUEST_MODEL, "gpt-4o"),
                            equalTo(ERROR_TYPE, "500"))));
  }
}
