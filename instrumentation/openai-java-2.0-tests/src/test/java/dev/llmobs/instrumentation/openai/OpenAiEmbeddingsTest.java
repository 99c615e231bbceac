package dev.llmobs.instrumentation.openai;

import static dev.llmobs.testing.GenAiKeys.COST;
import static dev.llmobs.testing.GenAiKeys.COST_CURRENCY;
import static dev.llmobs.testing.GenAiKeys.COST_SOURCE;
import static dev.llmobs.testing.GenAiKeys.INPUT_TOKENS;
import static dev.llmobs.testing.GenAiKeys.RESPONSE_MODEL;
import static dev.llmobs.testing.GenAiKeys.SERVER_ADDRESS;
import static dev.llmobs.testing.GenAiKeys.SERVER_PORT;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import com.openai.client.OpenAIClient;
import com.openai.core.ClientOptions;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.services.blocking.EmbeddingService;
import dev.llmobs.testing.AbstractEmbeddingsSuite;
import dev.llmobs.testing.Call;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** The embeddings scenarios on openai-java's embeddings service. */
class OpenAiEmbeddingsTest extends AbstractEmbeddingsSuite<OpenAIClient> {

  OpenAiEmbeddingsTest() {
    super(OpenAiFixture.OPENAI);
  }

  static EmbeddingCreateParams params(String model) {
    return EmbeddingCreateParams.builder()
        .model(model)
        .input("embed me")
        .dimensions(3L)
        .encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT)
        .build();
  }

  @Override
  protected String providerName() {
    return "openai";
  }

  @Override
  protected String model() {
    return "text-embedding-3-small";
  }

  @Override
  protected int embed(Call call, String model) throws Exception {
    EmbeddingService service = client.embeddings();
    Consumer<ClientOptions.Builder> options = b -> b.putHeader("x-llmobs-test", "options");
    switch (call) {
      case PLAIN:
        return service.create(params(model)).data().size();
      case WITH_OPTIONS:
        return withOptions(EmbeddingService.class, service, options)
            .create(params(model))
            .data()
            .size();
      case CLIENT_WITH_OPTIONS:
        return withOptions(OpenAIClient.class, client, options)
            .embeddings()
            .create(params(model))
            .data()
            .size();
      case SERVICE_RAW:
        return parse(service.withRawResponse().create(params(model)));
      case CLIENT_RAW:
        return parse(client.withRawResponse().embeddings().create(params(model)));
    }
    throw new AssertionError(call);
  }

  private static int parse(HttpResponseFor<CreateEmbeddingResponse> raw) {
    try (HttpResponseFor<CreateEmbeddingResponse> response = raw) {
      return response.parse().data().size();
    }
  }

  @Override
  protected CompletableFuture<?> embedAsync(boolean raw, String model) {
    return raw
        ? client.async().embeddings().withRawResponse().create(params(model))
        : client.async().embeddings().create(params(model));
  }

  @Override
  @SuppressWarnings("unchecked")
  protected int vectors(Object result) {
    return result instanceof HttpResponseFor
        ? parse((HttpResponseFor<CreateEmbeddingResponse>) result)
        : ((CreateEmbeddingResponse) result).data().size();
  }

  @Override
  protected List<AttributeAssertion> embeddingsAttributes() {
    return Arrays.asList(
        equalTo(RESPONSE_MODEL, "text-embedding-3-small"),
        equalTo(INPUT_TOKENS, 8L),
        equalTo(SERVER_ADDRESS, server.host()),
        equalTo(SERVER_PORT, (long) server.port()),
        // text-embedding-3-small: 8 x 0.02 USD per 1M tokens
        equalTo(COST, 1.6e-7),
        equalTo(COST_CURRENCY, "USD"),
        equalTo(COST_SOURCE, "local"));
  }

  @Override
  protected long recordedInputTokens() {
    return 8;
  }
}
