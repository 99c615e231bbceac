package dev.llmobs.instrumentation.stores;

import static dev.llmobs.testing.GenAiKeys.CACHE_RESULT;
import static dev.llmobs.testing.GenAiKeys.CONVERSATION_ID;
import static dev.llmobs.testing.GenAiKeys.COST;
import static dev.llmobs.testing.GenAiKeys.INPUT_TOKENS;
import static dev.llmobs.testing.GenAiKeys.OUTPUT_TOKENS;
import static dev.llmobs.testing.GenAiKeys.REQUEST_CALLS;
import static dev.llmobs.testing.GenAiKeys.REQUEST_COST;
import static dev.llmobs.testing.GenAiKeys.REQUEST_INPUT_TOKENS;
import static dev.llmobs.testing.GenAiKeys.REQUEST_OUTPUT_TOKENS;
import static dev.llmobs.testing.ServerRequests.inRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.example.stores.ConversationRepository;
import com.example.stores.InMemoryConversationRepository;
import com.example.stores.TestResponseCache;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.testing.junit.AgentInstrumentationExtension;
import io.opentelemetry.instrumentation.testing.junit.InstrumentationExtension;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * A store operation and real openai-java calls (over HTTP to a local fake server) in one
 * server-like request: the conversation id reaches the call, the request gets its totals on its
 * span and in a log line after the calls, and usage events tell a call after a cache miss.
 */
class RequestFlowTest {

  @RegisterExtension
  static final InstrumentationExtension testing = AgentInstrumentationExtension.create();

  static final ObjectMapper JSON = new ObjectMapper();

  MockWebServer server;
  OpenAIClient client;
  Logger accessLogger;
  ListAppender<ILoggingEvent> events;

  @BeforeEach
  void setUp() throws Exception {
    server = new MockWebServer();
    server.start();
    client =
        OpenAIOkHttpClient.builder()
            .baseUrl(server.url("/v1").toString())
            .apiKey("sk-test")
            .maxRetries(0)
            .timeout(Duration.ofSeconds(10))
            .build();
    LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
    accessLogger = logback.getLogger("access");
    accessLogger.setAdditive(false);
    accessLogger.setLevel(Level.INFO);
    events = new ListAppender<>();
    events.setContext(logback);
    events.start();
    accessLogger.addAppender(events);
  }

  @AfterEach
  void tearDown() throws Exception {
    accessLogger.detachAndStopAllAppenders();
    client.close();
    server.shutdown();
  }

  // gpt-4o-mini at 0.15 (input), 0.075 (cached input) and 0.6 (output) USD per 1M tokens:
  // (21 - 5) x 0.15 + 5 x 0.075 + 7 x 0.6 = 6.975 per 1M.
  static final double CALL_COST = 0.000006975;

  static MockResponse chatCompletion(String id) {
    return new MockResponse()
        .setHeader("Content-Type", "application/json")
        .setBody(
            "{\"id\":\""
                + id
                + "\",\"object\":\"chat.completion\",\"created\":1700000000,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":\"Hello\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":21,\"completion_tokens\":7,\"total_tokens\":28,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":5}}}");
  }

  void chat(String model) {
    client
        .chat()
        .completions()
        .create(ChatCompletionCreateParams.builder().model(model).addUserMessage("hi").build());
  }

  static List<SpanData> spans(int traces) {
    return testing.waitForTraces(traces).stream()
        .flatMap(List::stream)
        .collect(Collectors.toList());
  }

  static SpanData named(List<SpanData> spans, String name) {
    List<SpanData> named =
        spans.stream().filter(s -> s.getName().equals(name)).collect(Collectors.toList());
    assertThat(named).as(name).hasSize(1);
    return named.get(0);
  }

  @Test
  void theConversationReachesTheFollowingCallOfTheSameRequestOnly() throws Exception {
    ConversationRepository repository = new InMemoryConversationRepository();
    server.enqueue(chatCompletion("chatcmpl-1"));
    server.enqueue(chatCompletion("chatcmpl-2"));

    inRequest(
        "POST /with-store",
        () -> {
          repository.get("conv-42");
          chat("gpt-4o");
        });
    // The same thread, another request without a store operation.
    inRequest("POST /without-store", () -> chat("gpt-4o-mini"));

    List<SpanData> spans = spans(2);
    SpanData root = named(spans, "POST /with-store");
    SpanData store = named(spans, "get ConversationRepository");
    SpanData withStore = named(spans, "chat gpt-4o");
    assertThat(root.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(store.getParentSpanId()).isEqualTo(root.getSpanId());
    assertThat(withStore.getParentSpanId()).isEqualTo(root.getSpanId());
    assertThat(withStore.getAttributes().get(CONVERSATION_ID)).isEqualTo("conv-42");
    assertThat(named(spans, "chat gpt-4o-mini").getAttributes().get(CONVERSATION_ID)).isNull();
    assertThat(usageEvent("chatcmpl-1").path("conversation_id").asText()).isEqualTo("conv-42");
    assertThat(usageEvent("chatcmpl-2").has("conversation_id")).isFalse();
  }

  @Test
  void requestTotalsOnTheServerSpanAndInALogLineAfterTwoCalls() throws Exception {
    ConversationRepository repository = new InMemoryConversationRepository();
    server.enqueue(chatCompletion("chatcmpl-t1"));
    server.enqueue(chatCompletion("chatcmpl-t2"));

    inRequest(
        "POST /v1/chat/completions",
        () -> {
          LoggerFactory.getLogger("access").info("request started");
          repository.get("conv-totals");
          chat("gpt-4o-mini");
          chat("gpt-4o-mini");
          repository.save("conv-totals", Collections.singletonList("turn"));
          LoggerFactory.getLogger("access").info("request completed");
        });
    LoggerFactory.getLogger("access").info("after the request");

    List<SpanData> spans = spans(1);
    SpanData root = named(spans, "POST /v1/chat/completions");
    List<SpanData> calls =
        spans.stream().filter(s -> s.getName().startsWith("chat ")).collect(Collectors.toList());
    assertThat(calls).hasSize(2);
    double callCosts = calls.stream().mapToDouble(s -> s.getAttributes().get(COST)).sum();
    assertThat(calls)
        .allSatisfy(
            c -> assertThat(c.getAttributes().get(COST)).isCloseTo(CALL_COST, within(1e-12)));
    assertThat(root.getAttributes().get(REQUEST_CALLS)).isEqualTo(2L);
    assertThat(root.getAttributes().get(REQUEST_INPUT_TOKENS)).isEqualTo(42L);
    assertThat(root.getAttributes().get(REQUEST_OUTPUT_TOKENS)).isEqualTo(14L);
    assertThat(root.getAttributes().get(REQUEST_COST)).isCloseTo(callCosts, within(1e-15));
    assertThat(root.getAttributes().get(REQUEST_COST)).isCloseTo(2 * CALL_COST, within(1e-12));
    assertThat(calls.get(0).getAttributes().get(INPUT_TOKENS)).isEqualTo(21L);
    assertThat(calls.get(0).getAttributes().get(OUTPUT_TOKENS)).isEqualTo(7L);

    Map<String, String> completed = mdcOf("request completed");
    assertThat(completed)
        .contains(
            entry("gen_ai.provider.name", "openai"),
            entry("gen_ai.request.model", "gpt-4o-mini"),
            entry("gen_ai.conversation.id", "conv-totals"),
            entry("llmobs.request.gen_ai.calls", "2"),
            entry("gen_ai.usage.input_tokens", "42"),
            entry("gen_ai.usage.output_tokens", "14"));
    assertThat(Double.parseDouble(completed.get("gen_ai.usage.cost.amount")))
        .isEqualTo(root.getAttributes().get(REQUEST_COST));
    // Before any call or store operation of the request, and after it: nothing of ours.
    assertThat(mdcOf("request started"))
        .doesNotContainKeys("gen_ai.provider.name", "gen_ai.usage.input_tokens");
    assertThat(mdcOf("after the request"))
        .doesNotContainKeys("gen_ai.provider.name", "gen_ai.conversation.id");
  }

  @Test
  void logsWhileAStoreMethodRunsCarryItsConversation() {
    ConversationRepository repository = new InMemoryConversationRepository();
    repository.delete("conv-logged"); // logs "deleting a conversation"
    LoggerFactory.getLogger("access").info("after the store call");

    assertThat(mdcOf("deleting a conversation"))
        .containsEntry("gen_ai.conversation.id", "conv-logged");
    assertThat(mdcOf("after the store call")).doesNotContainKey("gen_ai.conversation.id");
    assertThat(spans(1))
        .extracting(SpanData::getName)
        .containsExactly("delete ConversationRepository");
  }

  Map<String, String> mdcOf(String message) {
    List<ILoggingEvent> matching =
        events.list.stream()
            .filter(e -> e.getFormattedMessage().equals(message))
            .collect(Collectors.toList());
    assertThat(matching).as(message).hasSize(1);
    return matching.get(0).getMDCPropertyMap();
  }

  @Test
  void cacheHitAndMiss() throws Exception {
    TestResponseCache cache = new TestResponseCache();
    TestResponseCache.Key key = new TestResponseCache.Key("gpt-4o-mini", "hi");
    server.enqueue(chatCompletion("chatcmpl-miss"));
    server.enqueue(chatCompletion("chatcmpl-bypass"));

    // A miss: the call is made and its answer stored.
    inRequest(
        "POST /miss",
        () -> {
          if (cache.lookup(key) == null) {
            chat("gpt-4o-mini");
            cache.store(key, "Hello");
          }
        });
    // A hit: no call.
    inRequest("POST /hit", () -> assertThat(cache.lookup(key)).isEqualTo("Hello"));
    // No cache at all.
    inRequest("POST /no-cache", () -> chat("gpt-4o-mini"));
    cache.getStats(); // not mapped: no span

    List<SpanData> spans = spans(3);
    List<String> cacheSpans = new ArrayList<>();
    for (SpanData span : spans) {
      if (span.getName().endsWith("TestResponseCache")) {
        cacheSpans.add(span.getName() + " " + span.getAttributes().get(CACHE_RESULT));
      }
    }
    assertThat(cacheSpans)
        .containsExactlyInAnyOrder(
            "cache_get TestResponseCache miss",
            "update TestResponseCache null",
            "cache_get TestResponseCache hit");
    assertThat(usageEvent("chatcmpl-miss").path("cache_state").asText()).isEqualTo("miss");
    assertThat(usageEvent("chatcmpl-bypass").path("cache_state").asText()).isEqualTo("bypass");

    Awaitility.await()
        .atMost(10, TimeUnit.SECONDS)
        .untilAsserted(
            () ->
                assertThat(
                        testing.metrics().stream()
                            .filter(m -> m.getName().equals("llmobs.cache.lookups"))
                            .flatMap(m -> m.getLongSumData().getPoints().stream())
                            .collect(
                                Collectors.toMap(
                                    p -> p.getAttributes().get(CACHE_RESULT),
                                    LongPointData::getValue,
                                    Long::sum)))
                    .containsEntry("hit", 1L)
                    .containsEntry("miss", 1L));
  }

  /** The usage event (JSON line) of the call with this response id, once written. */
  static JsonNode usageEvent(String responseId) throws Exception {
    Path file = Paths.get(System.getenv("OTEL_INSTRUMENTATION_GENAI_USAGE_FILE"));
    JsonNode[] found = new JsonNode[1];
    Awaitility.await()
        .atMost(10, TimeUnit.SECONDS)
        .until(
            () -> {
              if (!Files.exists(file)) {
                return false;
              }
              for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode event = JSON.readTree(line);
                if (responseId.equals(event.path("request_id").asText())) {
                  found[0] = event;
                  return true;
                }
              }
              return false;
            });
    return Optional.ofNullable(found[0]).orElseThrow(AssertionError::new);
  }
}
