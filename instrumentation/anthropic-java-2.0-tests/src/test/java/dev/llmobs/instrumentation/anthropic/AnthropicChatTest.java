package dev.llmobs.instrumentation.anthropic;

import static dev.llmobs.instrumentation.anthropic.AnthropicFixture.MODEL;
import static dev.llmobs.testing.GenAiKeys.CACHE_CREATION;
import static dev.llmobs.testing.GenAiKeys.CACHE_READ;
import static dev.llmobs.testing.GenAiKeys.COST;
import static dev.llmobs.testing.GenAiKeys.COST_CURRENCY;
import static dev.llmobs.testing.GenAiKeys.COST_SOURCE;
import static dev.llmobs.testing.GenAiKeys.FINISH_REASONS;
import static dev.llmobs.testing.GenAiKeys.INPUT_TOKENS;
import static dev.llmobs.testing.GenAiKeys.OUTPUT_TOKENS;
import static dev.llmobs.testing.GenAiKeys.RESPONSE_ID;
import static dev.llmobs.testing.GenAiKeys.RESPONSE_MODEL;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.ClientOptions;
import com.anthropic.core.http.HttpResponseFor;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.services.blocking.MessageService;
import dev.llmobs.testing.AbstractChatSuite;
import dev.llmobs.testing.Call;
import dev.llmobs.testing.StainlessAsyncStreams;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The chat scenarios on anthropic-java's messages. */
class AnthropicChatTest extends AbstractChatSuite<AnthropicClient> {

  AnthropicChatTest() {
    super(AnthropicFixture.ANTHROPIC);
  }

  static MessageCreateParams params(String model) {
    return MessageCreateParams.builder()
        .model(model)
        .maxTokens(256)
        .addUserMessage("Say hello")
        .build();
  }

  @Override
  protected String providerName() {
    return "anthropic";
  }

  @Override
  protected String model() {
    return MODEL;
  }

  @Override
  protected String chat(Call call, String model) throws Exception {
    MessageService service = client.messages();
    Consumer<ClientOptions.Builder> options = b -> b.putHeader("x-llmobs-test", "options");
    switch (call) {
      case PLAIN:
        return service.create(params(model)).id();
      case WITH_OPTIONS:
        return withOptions(MessageService.class, service, options).create(params(model)).id();
      case CLIENT_WITH_OPTIONS:
        return withOptions(AnthropicClient.class, client, options)
            .messages()
            .create(params(model))
            .id();
      case SERVICE_RAW:
        return parse(service.withRawResponse().create(params(model)));
      case CLIENT_RAW:
        return parse(client.withRawResponse().messages().create(params(model)));
    }
    throw new AssertionError(call);
  }

  private static String parse(HttpResponseFor<Message> raw) {
    try (HttpResponseFor<Message> response = raw) {
      return response.parse().id();
    }
  }

  @Override
  protected CompletableFuture<?> chatAsync(boolean raw, String model) {
    return raw
        ? client.async().messages().withRawResponse().create(params(model))
        : client.async().messages().create(params(model));
  }

  @Override
  @SuppressWarnings("unchecked")
  protected String responseId(Object result) {
    return result instanceof HttpResponseFor
        ? ((HttpResponseFor<Message>) result).parse().id()
        : ((Message) result).id();
  }

  private static Stream<String> text(RawMessageStreamEvent event) {
    return event.contentBlockDelta().flatMap(d -> d.delta().text()).map(t -> t.text()).stream();
  }

  @Override
  protected String stream(boolean raw, String model) {
    try (StreamResponse<RawMessageStreamEvent> stream =
        raw
            ? client.messages().withRawResponse().createStreaming(params(model)).parse()
            : client.messages().createStreaming(params(model))) {
      return stream.stream().flatMap(AnthropicChatTest::text).collect(Collectors.joining());
    }
  }

  @Override
  protected String streamFirstTextThenClose(String model) {
    try (StreamResponse<RawMessageStreamEvent> stream =
        client.messages().createStreaming(params(model))) {
      Iterator<String> texts = stream.stream().flatMap(AnthropicChatTest::text).iterator();
      return texts.next();
    }
  }

  @Override
  protected CompletableFuture<Void> streamAsync(String model, StreamEvents events)
      throws Exception {
    return StainlessAsyncStreams.subscribe(
        client.async().messages().createStreaming(params(model)), events);
  }

  @Override
  protected List<AttributeAssertion> chatAttributes() {
    return Arrays.asList(
        equalTo(RESPONSE_ID, "msg_01XFDUDYJgAACzvnptvVoYEL"),
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
        equalTo(COST_SOURCE, "local"));
  }

  @Override
  protected List<AttributeAssertion> streamAttributes() {
    return Arrays.asList(
        equalTo(RESPONSE_ID, "msg_01S7CbmJQ9WXG3dKj2aHqfmP"),
        equalTo(RESPONSE_MODEL, MODEL),
        equalTo(FINISH_REASONS, Collections.singletonList("end_turn")),
        // 12 + 50 cache reads; the output count of message_delta replaces message_start's
        equalTo(INPUT_TOKENS, 62L),
        equalTo(OUTPUT_TOKENS, 6L),
        equalTo(CACHE_READ, 50L));
  }

  @Override
  protected String recordedResponseModel() {
    return MODEL;
  }

  @Override
  protected long[] recordedTokens() {
    return new long[] {130, 5};
  }
}
