package dev.llmobs.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.testing.junit.AgentInstrumentationExtension;
import io.opentelemetry.instrumentation.testing.junit.InstrumentationExtension;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every provider SDK's agent test has: the agent's test exporters, a real client of type
 * {@code C} over real HTTP to a fresh {@link FakeLlmServer} per test, and the check that the API
 * key reached no span.
 */
public abstract class GenAiAgentTest<C> {

  public static final String API_KEY = "sk-test-secret-do-not-leak";

  @RegisterExtension
  protected static final InstrumentationExtension testing = AgentInstrumentationExtension.create();

  protected final SdkFixture<C> sdk;
  protected FakeLlmServer server;
  protected C client;

  protected GenAiAgentTest(SdkFixture<C> sdk) {
    this.sdk = sdk;
  }

  /** Exactly one trace of one span: {@code name}, CLIENT, {@code status}, with these attributes. */
  protected static void assertOneSpan(
      String name, StatusData status, Iterable<AttributeAssertion> attributes) {
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName(name)
                        .hasKind(SpanKind.CLIENT)
                        .hasStatus(status)
                        .hasAttributesSatisfying(attributes)));
  }

  /**
   * What {@code read} makes of the future's result in a callback of the caller's: no span may be
   * current there, as upstream asserts (the caller's own context is root here).
   */
  protected static <T> T readInCallback(CompletableFuture<?> future, Function<Object, T> read) {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    T value =
        future
            .thenApply(
                result -> {
                  seen.add(String.valueOf(Span.fromContextOrNull(Context.current())));
                  return read.apply(result);
                })
            .join();
    assertThat(seen).containsExactly("null");
    return value;
  }

  /** Waits for the histogram {@code metric} in {@code unit} and checks its points of the model. */
  protected static void assertHistogram(
      String metric, String unit, String requestModel, Consumer<List<HistogramPointData>> check) {
    testing.waitAndAssertMetrics(
        GenAiMetrics.SCOPE,
        metric,
        metrics ->
            metrics.anySatisfy(
                data -> {
                  assertThat(data.getUnit()).isEqualTo(unit);
                  check.accept(GenAiMetrics.histogramPoints(data, requestModel));
                }));
  }

  /** As {@link #assertHistogram}, for a metric with one point of one measurement. */
  protected static void assertOnePoint(
      String metric, String unit, String requestModel, Consumer<HistogramPointData> check) {
    assertHistogram(
        metric,
        unit,
        requestModel,
        points -> {
          assertThat(points).hasSize(1);
          assertThat(points.get(0).getCount()).isEqualTo(1);
          check.accept(points.get(0));
        });
  }

  /**
   * {@code service.withOptions(options)}, called by name: the method came after the version floor
   * (openai-java and anthropic-java 2.0.0 lack it), whose modules compile the same test source. A
   * version without it skips the calling test.
   */
  protected static <S> S withOptions(Class<S> serviceType, S service, Consumer<?> options)
      throws Exception {
    Method withOptions;
    try {
      withOptions = serviceType.getMethod("withOptions", Consumer.class);
    } catch (NoSuchMethodException e) {
      withOptions = null;
    }
    assumeTrue(withOptions != null, serviceType.getName() + ".withOptions is not in this version");
    try {
      return serviceType.cast(withOptions.invoke(service, options));
    } catch (InvocationTargetException e) {
      throw (Exception) e.getCause();
    }
  }

  @BeforeEach
  void startServerAndClient() {
    server = new FakeLlmServer(sdk.recordings());
    client = sdk.newClient(server, Duration.ofSeconds(10));
  }

  @AfterEach
  void stopAndCheckNoKeyLeaked() throws Exception {
    sdk.close(client);
    server.close();
    for (SpanData span : testing.spans()) {
      assertThat(span.getAttributes().toString()).doesNotContain(API_KEY);
    }
  }
}
