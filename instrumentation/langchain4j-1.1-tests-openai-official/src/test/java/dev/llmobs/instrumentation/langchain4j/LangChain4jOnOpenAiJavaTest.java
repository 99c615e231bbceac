package dev.llmobs.instrumentation.langchain4j;

import static dev.llmobs.testing.GenAiKeys.CHUNK_COUNT;
import static dev.llmobs.testing.GenAiKeys.COST;
import static dev.llmobs.testing.GenAiKeys.INPUT_TOKENS;
import static dev.llmobs.testing.GenAiKeys.OUTPUT_TOKENS;
import static dev.llmobs.testing.GenAiKeys.PROVIDER;
import static dev.llmobs.testing.GenAiKeys.RESPONSE_ID;
import static dev.llmobs.testing.GenAiKeys.SERVER_ADDRESS;
import static dev.llmobs.testing.GenAiKeys.SERVER_PORT;
import static dev.llmobs.testing.GenAiKeys.STREAM;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openaiofficial.OpenAiOfficialChatModel;
import dev.langchain4j.model.openaiofficial.OpenAiOfficialEmbeddingModel;
import dev.langchain4j.model.openaiofficial.OpenAiOfficialStreamingChatModel;
import dev.llmobs.instrumentation.langchain4j.scenarios.GenAiAgentTest;
import dev.llmobs.instrumentation.langchain4j.scenarios.OpenAiWire;
import dev.llmobs.instrumentation.langchain4j.scenarios.StreamRecorder;
import dev.llmobs.instrumentation.langchain4j.scenarios.Usage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The layer rule: LangChain4j's OpenAI module built on openai-java, with both of our modules
 * active, gives exactly one GenAI CLIENT span per model call. The outermost GenAI layer, the one
 * the application called, owns it: LangChain4j's. A model listener, which LangChain4j runs before
 * it calls openai-java, sees that span as current, so the span is the LangChain4j layer's and the
 * openai-java layer started none.
 */
class LangChain4jOnOpenAiJavaTest extends GenAiAgentTest {

  static final OpenAiWire WIRE = new OpenAiWire();
  static final String MODEL = "gpt-4o-mini";

  /** Records the span current when LangChain4j hands the request to its listeners. */
  static final class SpanAtRequest implements ChatModelListener {
    final AtomicReference<SpanContext> current = new AtomicReference<>();

    @Override
    public void onRequest(ChatModelRequestContext requestContext) {
      current.set(Span.current().getSpanContext());
    }
  }

  @Test
  void blockingChatIsOneSpanOwnedByLangChain4j() {
    server.enqueue(WIRE.chat("resp-1", "gpt-4o-mini-2024-07-18", "Hi", Usage.of(10, 4)));
    SpanAtRequest listener = new SpanAtRequest();

    String answer =
        OpenAiOfficialChatModel.builder()
            .baseUrl(server.url("/v1").toString())
            .apiKey(API_KEY)
            .modelName(MODEL)
            .maxRetries(0)
            .listeners(Collections.singletonList(listener))
            .build()
            .chat("hello");

    assertThat(answer).isEqualTo("Hi");
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat " + MODEL)
                        .hasKind(SpanKind.CLIENT)
                        .hasAttributesSatisfying(
                            equalTo(PROVIDER, "openai"),
                            equalTo(STREAM, false),
                            equalTo(RESPONSE_ID, "resp-1"),
                            equalTo(INPUT_TOKENS, 10L),
                            equalTo(OUTPUT_TOKENS, 4L),
                            equalTo(SERVER_ADDRESS, server.getHostName()),
                            equalTo(SERVER_PORT, (long) server.getPort()),
                            // gpt-4o-mini: 10 x 0.15 + 4 x 0.60 USD per 1M tokens
                            equalTo(COST, 3.9e-6))));
    assertThat(listener.current.get().getSpanId()).isEqualTo(testing.spans().get(0).getSpanId());
  }

  @Test
  void streamedChatIsOneSpanOwnedByLangChain4j() throws Exception {
    server.enqueue(
        WIRE.stream("resp-s", "gpt-4o-mini-2024-07-18", Arrays.asList("H", "i"), Usage.of(10, 4)));
    SpanAtRequest listener = new SpanAtRequest();
    StreamRecorder recorder = new StreamRecorder();

    OpenAiOfficialStreamingChatModel.builder()
        .baseUrl(server.url("/v1").toString())
        .apiKey(API_KEY)
        .modelName(MODEL)
        .maxRetries(0)
        .listeners(Collections.singletonList(listener))
        .build()
        .chat(
            "hello",
            new StreamingChatResponseHandler() {
              @Override
              public void onPartialResponse(String partialResponse) {
                recorder.onPiece(partialResponse);
              }

              @Override
              public void onCompleteResponse(ChatResponse completeResponse) {
                recorder.onComplete();
              }

              @Override
              public void onError(Throwable error) {
                recorder.onError(error);
              }
            });
    recorder.await();

    assertThat(recorder.text()).isEqualTo("Hi");
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat " + MODEL)
                        .hasKind(SpanKind.CLIENT)
                        .hasAttributesSatisfying(
                            equalTo(STREAM, true),
                            equalTo(RESPONSE_ID, "resp-s"),
                            equalTo(INPUT_TOKENS, 10L),
                            equalTo(OUTPUT_TOKENS, 4L),
                            equalTo(CHUNK_COUNT, 2L))));
    assertThat(listener.current.get().getSpanId()).isEqualTo(testing.spans().get(0).getSpanId());
  }

  @Test
  void theOpenAiJavaLayerIsInstrumentedHereWhenCalledDirectly() {
    // Without LangChain4j around it, the same openai-java starts its span: the single spans
    // above are the layer rule at work, not an uninstrumented SDK.
    server.enqueue(WIRE.chat("resp-d", "gpt-4o-mini-2024-07-18", "Hi", Usage.of(10, 4)));
    OpenAIClient client =
        OpenAIOkHttpClient.builder()
            .baseUrl(server.url("/v1").toString())
            .apiKey(API_KEY)
            .maxRetries(0)
            .build();
    try {
      client
          .chat()
          .completions()
          .create(
              ChatCompletionCreateParams.builder().model(MODEL).addUserMessage("hello").build());
    } finally {
      client.close();
    }

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat " + MODEL)
                        .hasKind(SpanKind.CLIENT)
                        .hasAttributesSatisfying(equalTo(RESPONSE_ID, "resp-d"))));
  }

  @Test
  void embeddingIsOneSpan() {
    server.enqueue(WIRE.embeddings("text-embedding-3-small", 1, 3, 6));

    int dimension =
        OpenAiOfficialEmbeddingModel.builder()
            .baseUrl(server.url("/v1").toString())
            .apiKey(API_KEY)
            .modelName("text-embedding-3-small")
            .maxRetries(0)
            .build()
            .embed("hello")
            .content()
            .dimension();

    assertThat(dimension).isEqualTo(3);
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("embeddings text-embedding-3-small")
                        .hasKind(SpanKind.CLIENT)
                        .hasAttributesSatisfying(
                            equalTo(PROVIDER, "openai"), equalTo(INPUT_TOKENS, 6L))));
  }
}
