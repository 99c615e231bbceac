package dev.llmobs.instrumentation.openai;

import static dev.llmobs.instrumentation.openai.OpenAiChatCostTest.COST;
import static dev.llmobs.instrumentation.openai.OpenAiChatCostTest.RESPONSE_ID;
import static dev.llmobs.instrumentation.openai.OpenAiChatCostTest.awaitUsageEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.JsonValue;
import com.openai.core.ObjectMappers;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.llmobs.testing.FakeLlmServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A fault in each helper layer of a call, each one made by input an application can really meet:
 * the call returns exactly what the SDK makes of the same bytes, the failure is logged once per
 * module (however many calls) and counted in {@code llmobs.instrumentation.failures} by module.
 *
 * <ul>
 *   <li>request mapping: a request whose {@code temperature} is a string ({@code JsonValue}), which
 *       the SDK sends as is while its typed accessor, which we read, throws;
 *   <li>response mapping: a response whose {@code usage.prompt_tokens} is a string, which the
 *       application never reads ({@code choices} only) while our mapping does;
 *   <li>stream accumulation: the same bad usage in a stream's last chunk;
 *   <li>cost: a price file that prices a model at {@code 1e-2147483647} USD per million tokens, a
 *       valid number whose arithmetic overflows {@code BigDecimal}'s scale;
 *   <li>usage sink: {@code otel.instrumentation.genai.usage.file} under a path that is a file, so
 *       the JSON-lines sink fails on every event (the OpenTelemetry log sink beside it must not).
 * </ul>
 *
 * Runs in a JVM of its own (the {@code advice-faults} execution), which sets those two options; the
 * last test checks the log lines and counters of the whole run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenAiAdviceFaultsTest extends OpenAiAgentTest {

  static final int CALLS = 3;
  static final String FAULT_PRICED_MODEL = "llmobs-fault-priced";
  static final String FAILURES = "llmobs.instrumentation.failures";
  static final AttributeKey<String> MODULE = AttributeKey.stringKey("llmobs.module");
  static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");

  // What the agent writes to the JVM's stderr and stdout while the tests run.
  static final ByteArrayOutputStream agentOutput = new ByteArrayOutputStream();
  static PrintStream originalErr;
  static PrintStream originalOut;

  // Failures each module must have counted so far, and at the start of the running test (the
  // test exporters are cleared before each test).
  static final Map<String, Long> failures = new HashMap<>();
  static Map<String, Long> failuresAtTestStart = new HashMap<>();

  @BeforeAll
  static void captureAgentOutput() {
    Assumptions.assumeTrue(
        System.getProperty("otel.instrumentation.genai.usage.file") != null,
        "runs in the advice-faults execution, which sets the faulty options");
    originalErr = System.err;
    originalOut = System.out;
    System.setErr(new PrintStream(new Tee(originalErr), true));
    System.setOut(new PrintStream(new Tee(originalOut), true));
  }

  @BeforeEach
  void rememberFailuresSoFar() {
    failuresAtTestStart = new HashMap<>(failures);
  }

  static void failed(String module) {
    failures.merge(module, 1L, Long::sum);
  }

  /** Every GenAI span's usage event fails in the JSON-lines sink. */
  static void genAiSpanEnded() {
    failed("genai-cost");
  }

  @AfterAll
  static void restoreOutput() {
    if (originalErr != null) {
      System.setErr(originalErr);
      System.setOut(originalOut);
    }
  }

  // The recordings, with the ids and models each call needs.
  static final String CHAT = FakeLlmServer.recording("openai", "chat.json");
  static final String STREAM = FakeLlmServer.recording("openai", "chat-stream.sse");

  static String chatCompletion(String id, String model) {
    return CHAT.replace("chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT", id)
        .replace("\"gpt-4o-mini-2024-07-18\"", "\"" + model + "\"");
  }

  static ChatCompletion parsed(String body) throws Exception {
    return ObjectMappers.jsonMapper().readValue(body, ChatCompletion.class);
  }

  static ChatCompletionCreateParams params(String model) {
    return ChatCompletionCreateParams.builder().model(model).addUserMessage("Say hello").build();
  }

  /** A chat call served {@code body}: it returns exactly what the SDK parses from those bytes. */
  ChatCompletion chatServed(String body, String model) throws Exception {
    server.replyJson(body);
    ChatCompletion completion = client.chat().completions().create(params(model));
    assertThat(completion).isEqualTo(parsed(body));
    return completion;
  }

  static String completionWithStringUsage(String id) {
    String body =
        chatCompletion(id, "gpt-4o-mini-2024-07-18")
            .replace("\"prompt_tokens\": 21", "\"prompt_tokens\": \"many\"");
    assertThat(body).contains("\"many\"");
    return body;
  }

  @Test
  @Order(1)
  void requestMappingFault() throws Exception {
    for (int i = 0; i < CALLS; i++) {
      String body = chatCompletion("chatcmpl-req-" + i, "gpt-4o-mini-2024-07-18");
      server.replyJson(body);
      ChatCompletionCreateParams params =
          ChatCompletionCreateParams.builder()
              .model("gpt-4o-mini")
              .temperature(JsonValue.from("warm"))
              .addUserMessage("Say hello")
              .build();

      ChatCompletion completion =
          testing.runWithSpan("parent", () -> client.chat().completions().create(params));

      assertThat(completion).isEqualTo(parsed(body));
      RecordedRequest sent = server.takeRequest();
      assertThat(sent.getBody().readUtf8()).contains("\"temperature\":\"warm\"");
      failed("openai-java");
    }
    assertFailuresCounted();
    // No request, no span: only the application's own.
    testing.waitAndAssertTraces(
        trace -> trace.hasSpansSatisfyingExactly(span -> span.hasName("parent")),
        trace -> trace.hasSpansSatisfyingExactly(span -> span.hasName("parent")),
        trace -> trace.hasSpansSatisfyingExactly(span -> span.hasName("parent")));
  }

  @Test
  @Order(2)
  void responseMappingFault() throws Exception {
    for (int i = 0; i < CALLS; i++) {
      ChatCompletion completion =
          chatServed(completionWithStringUsage("chatcmpl-resp-" + i), "gpt-4o-mini");
      assertThat(completion.choices().get(0).message().content()).contains("Hello there");
      failed("openai-java");
      genAiSpanEnded();
    }
    assertFailuresCounted();
    // The span still ends, without what the mapping would have read.
    List<SpanData> spans = awaitSpans(CALLS);
    assertThat(spans)
        .allSatisfy(
            span -> {
              assertThat(span.getName()).isEqualTo("chat gpt-4o-mini");
              assertThat(span.hasEnded()).isTrue();
              assertThat(span.getAttributes().get(INPUT_TOKENS)).isNull();
              assertThat(span.getAttributes().get(RESPONSE_ID)).isNull();
            });
  }

  @Test
  @Order(3)
  void streamAccumulationFault() throws Exception {
    for (int i = 0; i < CALLS; i++) {
      String id = "chatcmpl-stream-" + i;
      String[] events =
          STREAM
              .lines()
              .filter(line -> line.startsWith("data: {"))
              .map(line -> line.substring("data: ".length()))
              .map(event -> event.replace("chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG", id))
              .map(event -> event.replace("\"prompt_tokens\":9", "\"prompt_tokens\":\"x\""))
              .toArray(String[]::new);
      assertThat(events[events.length - 1]).contains("\"x\"");
      server.replyEvents(events);
      List<ChatCompletionChunk> expected = new ArrayList<>();
      for (String event : events) {
        expected.add(ObjectMappers.jsonMapper().readValue(event, ChatCompletionChunk.class));
      }

      List<ChatCompletionChunk> chunks;
      try (StreamResponse<ChatCompletionChunk> stream =
          client.chat().completions().createStreaming(params("gpt-4o-mini"))) {
        chunks = stream.stream().collect(Collectors.toList());
      }

      assertThat(chunks).isEqualTo(expected);
      failed("openai-java");
      genAiSpanEnded();
    }
    assertFailuresCounted();
    // The chunks before the bad one are still counted; the span ends on exhaustion, not as failed.
    List<SpanData> spans = awaitSpans(CALLS);
    assertThat(spans)
        .allSatisfy(
            span -> {
              assertThat(span.getAttributes().get(RESPONSE_ID)).startsWith("chatcmpl-stream-");
              assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type"))).isNull();
              assertThat(span.getAttributes().get(INPUT_TOKENS)).isNull();
            });
  }

  @Test
  @Order(4)
  void costFault() throws Exception {
    for (int i = 0; i < CALLS; i++) {
      chatServed(chatCompletion("chatcmpl-cost-" + i, FAULT_PRICED_MODEL), FAULT_PRICED_MODEL);
      failed("genai-cost");
      genAiSpanEnded();
    }
    assertFailuresCounted();
    List<SpanData> spans = awaitSpans(CALLS);
    assertThat(spans)
        .allSatisfy(
            span -> {
              assertThat(span.getAttributes().get(INPUT_TOKENS)).isEqualTo(21L);
              assertThat(span.getAttributes().get(COST)).isNull();
            });
    // Only the cost is lost: the usage event still goes out, with the tokens.
    LogRecordData usage = awaitUsageEvent("chatcmpl-cost-" + (CALLS - 1));
    assertThat(usage.getAttributes().get(INPUT_TOKENS)).isEqualTo(21L);
    assertThat(usage.getAttributes().get(COST)).isNull();
  }

  @Test
  @Order(5)
  void usageSinkFault() throws Exception {
    for (int i = 0; i < CALLS; i++) {
      chatServed(chatCompletion("chatcmpl-usage-" + i, "gpt-4o-2024-08-06"), "gpt-4o");
      genAiSpanEnded();
    }
    assertFailuresCounted();
    // The JSON-lines sink fails on every event; the OpenTelemetry log sink beside it delivers.
    for (int i = 0; i < CALLS; i++) {
      assertThat(awaitUsageEvent("chatcmpl-usage-" + i).getAttributes().get(COST)).isNotNull();
    }
    assertThat(awaitSpans(CALLS))
        .allSatisfy(span -> assertThat(span.getAttributes().get(COST)).isNotNull());
  }

  @Test
  @Order(99)
  void eachFailureIsLoggedOnceAndCountedByModule() {
    String output = agentOutput.toString(StandardCharsets.UTF_8);
    assertThat(lines(output, "llmobs: instrumentation failure in openai-java"))
        .as(output)
        .hasSize(1);
    assertThat(lines(output, "llmobs: instrumentation failure in genai-cost"))
        .as(output)
        .hasSize(1);
    assertThat(lines(output, "llmobs: usage sink dev.llmobs.cost.usage.JsonLinesUsageSink failed"))
        .as(output)
        .hasSize(1);
    // The exceptions behind them: the SDK's typed accessor, BigDecimal, the file system.
    assertThat(output)
        .contains(
            "OpenAIInvalidDataException", "ArithmeticException", "FileAlreadyExistsException");
    // Each layer's test saw its failures counted; together, these.
    assertThat(failures)
        .containsOnly(
            Map.entry("openai-java", 3L * CALLS),
            Map.entry("genai-cost", (long) CALLS + 4 * CALLS));
  }

  static List<String> lines(String output, String text) {
    return output.lines().filter(line -> line.contains(text)).collect(Collectors.toList());
  }

  /**
   * Waits until {@code llmobs.instrumentation.failures} shows, by module, the failures made so far:
   * with delta temporality the sum of the points exported since this test began (the exporters are
   * cleared before each test), with cumulative the latest totals.
   */
  static void assertFailuresCounted() throws InterruptedException {
    Map<String, Long> expectedDelta = new HashMap<>();
    failures.forEach(
        (module, total) -> {
          long delta = total - failuresAtTestStart.getOrDefault(module, 0L);
          if (delta > 0) {
            expectedDelta.put(module, delta);
          }
        });
    Map<String, Long> counted = new HashMap<>();
    boolean cumulative = false;
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      counted.clear();
      for (MetricData metric : testing.metrics()) {
        if (!metric.getName().equals(FAILURES)) {
          continue;
        }
        cumulative =
            metric.getLongSumData().getAggregationTemporality()
                == AggregationTemporality.CUMULATIVE;
        for (LongPointData point : metric.getLongSumData().getPoints()) {
          counted.merge(
              point.getAttributes().get(MODULE),
              point.getValue(),
              cumulative ? Math::max : Long::sum);
        }
      }
      if (counted.equals(cumulative ? failures : expectedDelta)) {
        return;
      }
      Thread.sleep(100);
    }
    assertThat(counted)
        .as("failures counted (cumulative: %s)", cumulative)
        .isEqualTo(cumulative ? failures : expectedDelta);
  }

  static List<SpanData> awaitSpans(int count) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (testing.spans().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(testing.spans()).hasSize(count);
    return testing.spans();
  }

  /** Writes to the original stream and keeps a copy. */
  static final class Tee extends OutputStream {
    private final OutputStream original;

    Tee(OutputStream original) {
      this.original = original;
    }

    @Override
    public void write(int b) {
      synchronized (agentOutput) {
        agentOutput.write(b);
      }
      try {
        original.write(b);
      } catch (java.io.IOException ignored) {
        // the copy is what the test reads
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      synchronized (agentOutput) {
        agentOutput.write(b, off, len);
      }
      try {
        original.write(b, off, len);
      } catch (java.io.IOException ignored) {
        // the copy is what the test reads
      }
    }
  }
}
