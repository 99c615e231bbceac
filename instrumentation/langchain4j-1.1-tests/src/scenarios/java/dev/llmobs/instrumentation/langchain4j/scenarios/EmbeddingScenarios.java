package dev.llmobs.instrumentation.langchain4j.scenarios;

import static dev.llmobs.testing.GenAiKeys.COST;
import static dev.llmobs.testing.GenAiKeys.ERROR_TYPE;
import static dev.llmobs.testing.GenAiKeys.INPUT_TOKENS;
import static dev.llmobs.testing.GenAiKeys.OPERATION;
import static dev.llmobs.testing.GenAiKeys.OUTPUT_TOKENS;
import static dev.llmobs.testing.GenAiKeys.PROVIDER;
import static dev.llmobs.testing.GenAiKeys.REQUEST_MODEL;
import static dev.llmobs.testing.GenAiKeys.SERVER_ADDRESS;
import static dev.llmobs.testing.GenAiKeys.SERVER_PORT;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.StatusData;
import org.junit.jupiter.api.Test;

/** Embedding scenarios every GenAI client must pass, whatever the framework or SDK. */
public abstract class EmbeddingScenarios extends GenAiAgentTest {

  protected abstract EmbeddingWire wire();

  /** The client under test, pointed at {@link #server}, with no retries. */
  protected abstract EmbeddingClientUnderTest client();

  /** A priced embedding model. */
  protected abstract String model();

  /** The cost of {@code tokens} input tokens of {@link #model()}, by hand from the catalog. */
  protected abstract double cost(long tokens);

  @Test
  void embeddingIsOneClientSpanWithInputTokensAndCost() {
    server.enqueue(wire().embeddings(model(), 1, 3, 8));

    int dimension = testing.runWithSpan("parent", () -> client().embed(model(), "embed me"));

    assertThat(dimension).isEqualTo(3);
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span -> span.hasName("parent"),
                span ->
                    span.hasName("embeddings " + model())
                        .hasKind(SpanKind.CLIENT)
                        .hasParent(trace.getSpan(0))
                        .hasStatus(StatusData.unset())
                        .hasAttributesSatisfying(
                            equalTo(OPERATION, "embeddings"),
                            equalTo(PROVIDER, wire().providerName()),
                            equalTo(REQUEST_MODEL, model()),
                            equalTo(INPUT_TOKENS, 8L),
                            equalTo(SERVER_ADDRESS, server.getHostName()),
                            equalTo(SERVER_PORT, (long) server.getPort()),
                            equalTo(COST, cost(8)))
                        .hasAttributesSatisfying(
                            attributes -> assertThat(attributes.get(OUTPUT_TOKENS)).isNull())));
  }

  @Test
  void failedEmbeddingHasTheStatusCode() {
    server.enqueue(wire().error(503));

    assertThatThrownBy(() -> client().embed(model(), "embed me"));

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("embeddings " + model())
                        .hasStatus(StatusData.error())
                        .hasAttributesSatisfying(equalTo(ERROR_TYPE, "503"))));
  }
}
