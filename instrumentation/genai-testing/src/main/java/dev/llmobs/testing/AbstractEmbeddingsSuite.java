package dev.llmobs.testing;

import static dev.llmobs.testing.GenAiKeys.DIMENSIONS;
import static dev.llmobs.testing.GenAiKeys.ENCODING_FORMATS;
import static dev.llmobs.testing.GenAiKeys.ERROR_TYPE;
import static dev.llmobs.testing.GenAiKeys.OPERATION;
import static dev.llmobs.testing.GenAiKeys.PROVIDER;
import static dev.llmobs.testing.GenAiKeys.REQUEST_MODEL;
import static dev.llmobs.testing.GenAiKeys.TOKEN_TYPE;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The embeddings scenarios every provider SDK with embeddings passes: each public entry point gives
 * exactly one {@code embeddings {model}} CLIENT span with the request's dimensions and encoding
 * format, async callbacks run outside it, errors carry {@code error.type}. The provider's test says
 * how to call its SDK and what its {@code embeddings.json} holds.
 */
public abstract class AbstractEmbeddingsSuite<C> extends GenAiAgentTest<C> {

  protected AbstractEmbeddingsSuite(SdkFixture<C> sdk) {
    super(sdk);
  }

  /** The value of {@code gen_ai.provider.name}. */
  protected abstract String providerName();

  /** An embedding model the provider knows (and the price catalog prices). */
  protected abstract String model();

  /**
   * Embeds "embed me" with {@code model}, 3 dimensions and the {@code float} encoding format, the
   * way {@code call} says; returns the number of vectors. An SDK version without this entry point
   * skips the test.
   */
  protected abstract int embed(Call call, String model) throws Exception;

  /**
   * Starts an async embeddings request ({@code raw}: through {@code withRawResponse()}), as {@link
   * #embed}, and returns the very future the SDK gave.
   */
  protected abstract CompletableFuture<?> embedAsync(boolean raw, String model);

  /**
   * The number of vectors of what an {@link #embedAsync} future completes with (a raw response is
   * parsed: its span ends there).
   */
  protected abstract int vectors(Object asyncResult);

  /** The span attributes {@code embeddings.json} gives: response model, usage, cost... */
  protected abstract List<AttributeAssertion> embeddingsAttributes();

  /** The input tokens {@code embeddings.json} reports. */
  protected abstract long recordedInputTokens();

  private List<AttributeAssertion> embeddingsSpan(String model) {
    List<AttributeAssertion> all = new ArrayList<>();
    all.add(equalTo(OPERATION, "embeddings"));
    all.add(equalTo(PROVIDER, providerName()));
    all.add(equalTo(REQUEST_MODEL, model));
    all.add(equalTo(DIMENSIONS, 3L));
    all.add(equalTo(ENCODING_FORMATS, Collections.singletonList("float")));
    all.addAll(embeddingsAttributes());
    return all;
  }

  private void assertOneEmbeddingsSpan() {
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("embeddings " + model())
                        .hasKind(SpanKind.CLIENT)
                        .hasStatus(StatusData.unset())
                        .hasAttributesSatisfyingExactly(embeddingsSpan(model()))));
  }

  @Test
  void embeddingsAreOneClientSpanUnderTheCaller() throws Exception {
    server.reply("embeddings.json");

    int vectors = testing.runWithSpan("parent", () -> embed(Call.PLAIN, model()));

    assertThat(vectors).isEqualTo(1);
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span -> span.hasName("parent"),
                span ->
                    span.hasName("embeddings " + model())
                        .hasKind(SpanKind.CLIENT)
                        .hasParent(trace.getSpan(0))
                        .hasAttributesSatisfyingExactly(embeddingsSpan(model()))));
  }

  @ParameterizedTest
  @EnumSource(
      value = Call.class,
      names = {"WITH_OPTIONS", "CLIENT_WITH_OPTIONS", "SERVICE_RAW", "CLIENT_RAW"})
  void embeddingsEntryPoint(Call call) throws Exception {
    server.reply("embeddings.json");
    embed(call, model());
    assertOneEmbeddingsSpan();
  }

  @Test
  void asyncEmbeddingsCallbacksRunWithoutOurSpan() {
    server.reply("embeddings.json");
    assertThat(readInCallback(embedAsync(false, model()), this::vectors)).isEqualTo(1);
    assertOneEmbeddingsSpan();
  }

  @Test
  void asyncRawEmbeddingsCallbacksRunWithoutOurSpan() {
    server.reply("embeddings.json");
    assertThat(readInCallback(embedAsync(true, model()), this::vectors)).isEqualTo(1);
    assertOneEmbeddingsSpan();
  }

  @Test
  void embeddingsRateLimitIsRateLimited() {
    server.fail(429);
    assertThat(catchThrowable(() -> embed(Call.PLAIN, model()))).isNotNull();
    assertOneSpan(
        "embeddings " + model(),
        StatusData.error(),
        Collections.singletonList(equalTo(ERROR_TYPE, "rate_limited")));
  }

  @Test
  void embeddingsTokenUsageAndDurationMetrics() throws Exception {
    String model = model() + "-metrics-1";
    server.reply("embeddings.json");
    embed(Call.PLAIN, model);

    assertOnePoint(
        "gen_ai.client.token.usage",
        "{token}",
        model,
        point -> {
          assertThat(point.getAttributes().get(OPERATION)).isEqualTo("embeddings");
          assertThat(point.getAttributes().get(TOKEN_TYPE)).isEqualTo("input");
          assertThat(point.getSum()).isEqualTo((double) recordedInputTokens());
        });
    assertOnePoint(
        "gen_ai.client.operation.duration",
        "s",
        model,
        point -> assertThat(point.getAttributes().get(ERROR_TYPE)).isNull());
  }
}
