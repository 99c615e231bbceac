package dev.llmobs.instrumentation.openai;

import static dev.llmobs.testing.GenAiKeys.CACHE_READ;
import static dev.llmobs.testing.GenAiKeys.COST;
import static dev.llmobs.testing.GenAiKeys.COST_CURRENCY;
import static dev.llmobs.testing.GenAiKeys.COST_SOURCE;
import static dev.llmobs.testing.GenAiKeys.FINISH_REASONS;
import static dev.llmobs.testing.GenAiKeys.INPUT_TOKENS;
import static dev.llmobs.testing.GenAiKeys.OUTPUT_TOKENS;
import static dev.llmobs.testing.GenAiKeys.REASONING;
import static dev.llmobs.testing.GenAiKeys.RESPONSE_ID;
import static dev.llmobs.testing.GenAiKeys.RESPONSE_MODEL;
import static dev.llmobs.testing.GenAiKeys.SERVER_ADDRESS;
import static dev.llmobs.testing.GenAiKeys.SERVER_PORT;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import com.openai.client.OpenAIClient;
import com.openai.core.ClientOptions;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.services.blocking.chat.ChatCompletionService;
import dev.llmobs.testing.AbstractChatSuite;
import dev.llmobs.testing.Call;
import dev.llmobs.testing.FakeLlmServer;
import dev.llmobs.testing.StainlessAsyncStreams;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** The chat scenarios on openai-java's chat completions. */
class OpenAiChatTest extends AbstractChatSuite<OpenAIClient> {

  OpenAiChatTest() {
    super(OpenAiFixture.OPENAI);
  }

  static ChatCompletionCreateParams params(String model) {
    return ChatCompletionCreateParams.builder().model(model).addUserMessage("Say hello").build();
  }

  @Override
  protected String providerName() {
    return "openai";
  }

  @Override
  protected String model() {
    return "gpt-4o-mini";
  }

  @Override
  protected String chat(Call call, String model) throws Exception {
    ChatCompletionService service = client.chat().completions();
    Consumer<ClientOptions.Builder> options = b -> b.putHeader("x-llmobs-test", "options");
    switch (call) {
      case PLAIN:
        return service.create(params(model)).id();
      case WITH_OPTIONS:
        return withOptions(ChatCompletionService.class, service, options)
            .create(params(model))
            .id();
      case CLIENT_WITH_OPTIONS:
        return withOptions(OpenAIClient.class, client, options)
            .chat()
            .completions()
            .create(params(model))
            .id();
      case SERVICE_RAW:
        return parse(service.withRawResponse().create(params(model)));
      case CLIENT_RAW:
        return parse(client.withRawResponse().chat().completions().create(params(model)));
    }
    throw new AssertionError(call);
  }

  private static String parse(HttpResponseFor<ChatCompletion> raw) {
    try (HttpResponseFor<ChatCompletion> response = raw) {
      return response.parse().id();
    }
  }

  @Override
  protected CompletableFuture<?> chatAsync(boolean raw, String model) {
    return raw
        ? client.async().chat().completions().withRawResponse().create(params(model))
        : client.async().chat().completions().create(params(model));
  }

  @Override
  @SuppressWarnings("unchecked")
  protected String responseId(Object result) {
    return result instanceof HttpResponseFor
        ? ((HttpResponseFor<ChatCompletion>) result).parse().id()
        : ((ChatCompletion) result).id();
  }

  @Override
  protected String stream(boolean raw, String model) {
    try (StreamResponse<ChatCompletionChunk> stream =
        raw
            ? client.chat().completions().withRawResponse().createStreaming(params(model)).parse()
            : client.chat().completions().createStreaming(params(model))) {
      return stream.stream()
          .flatMap(chunk -> chunk.choices().stream())
          .map(choice -> choice.delta().content().orElse(""))
          .collect(Collectors.joining());
    }
  }

  @Override
  protected String streamFirstTextThenClose(String model) {
    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(params(model))) {
      Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
      return chunks.next().choices().get(0).delta().content().orElse("");
    }
  }

  @Override
  protected CompletableFuture<Void> streamAsync(String model, StreamEvents events)
      throws Exception {
    return StainlessAsyncStreams.subscribe(
        client.async().chat().completions().createStreaming(params(model)), events);
  }

  @Override
  protected List<AttributeAssertion> chatAttributes() {
    return chatJson(server);
  }

  /** What the recording chat.json gives a span of {@code server}. */
  static List<AttributeAssertion> chatJson(FakeLlmServer server) {
    return Arrays.asList(
        equalTo(RESPONSE_ID, "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT"),
        equalTo(RESPONSE_MODEL, "gpt-4o-mini-2024-07-18"),
        equalTo(FINISH_REASONS, Collections.singletonList("stop")),
        equalTo(INPUT_TOKENS, 21L),
        equalTo(OUTPUT_TOKENS, 7L),
        equalTo(CACHE_READ, 5L),
        equalTo(REASONING, 2L),
        equalTo(SERVER_ADDRESS, server.host()),
        equalTo(SERVER_PORT, (long) server.port()),
        // gpt-4o-mini: 16 x 0.15 + 5 x 0.075 + 7 x 0.60 USD per 1M tokens
        equalTo(COST, 6.975e-6),
        equalTo(COST_CURRENCY, "USD"),
        equalTo(COST_SOURCE, "local"));
  }

  @Override
  protected List<AttributeAssertion> streamAttributes() {
    return Arrays.asList(
        equalTo(RESPONSE_ID, "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG"),
        equalTo(RESPONSE_MODEL, "gpt-4o-mini-2024-07-18"),
        equalTo(FINISH_REASONS, Collections.singletonList("stop")),
        equalTo(INPUT_TOKENS, 9L),
        equalTo(OUTPUT_TOKENS, 3L),
        equalTo(SERVER_ADDRESS, server.host()));
  }

  @Override
  protected String recordedResponseModel() {
    return "gpt-4o-mini-2024-07-18";
  }

  @Override
  protected long[] recordedTokens() {
    return new long[] {21, 7};
  }
}
