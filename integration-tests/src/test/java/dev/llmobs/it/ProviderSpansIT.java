package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmobs.it.harness.GatewayProcess;
import dev.llmobs.it.harness.OtlpReceiver;
import dev.llmobs.it.harness.ReceivedMetricPoint;
import dev.llmobs.it.harness.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every provider operation the gateway performs, seen through the real llmobs agent jar: streaming
 * chat, Anthropic messages (plain and streamed), Responses, embeddings and an upstream 429, each
 * exactly one GenAI span with the figures the simulator was told to report, plus the GenAI metrics
 * over OTLP. Runs on the {@link SharedGateway}.
 */
class ProviderSpansIT {

  static final ObjectMapper json = new ObjectMapper();
  static final String CLAUDE = "claude-sonnet-4-20250514";

  static OtlpReceiver receiver;
  static GatewayProcess gateway;

  @BeforeAll
  static void start() throws Exception {
    receiver = SharedGateway.get().receiver();
    gateway = SharedGateway.get().gateway();
  }

  static String chatBody(String model, boolean stream) {
    return "{\"model\":\""
        + model
        + "\",\"stream\":"
        + stream
        + (stream ? ",\"stream_options\":{\"include_usage\":true}" : "")
        + ",\"messages\":[{\"role\":\"user\",\"content\":\"hello from the IT\"}]}";
  }

  /** The one GenAI span of the trace whose server span answered this request. */
  static ReceivedSpan genAiSpanOf(HttpResponse<String> response) throws InterruptedException {
    return genAiSpanOf(receiver, response);
  }

  /** The one GenAI span, among what {@code receiver} got, of the trace that answered. */
  static ReceivedSpan genAiSpanOf(OtlpReceiver receiver, HttpResponse<String> response)
      throws InterruptedException {
    String requestId = response.headers().firstValue("X-Request-ID").orElseThrow();
    List<ReceivedSpan> spans =
        receiver.awaitSpans(
            s -> genAiSpans(s, requestId).size() == 1 && serverSpan(s, requestId) != null,
            Duration.ofSeconds(30));
    return genAiSpans(spans, requestId).get(0);
  }

  static ReceivedSpan serverSpan(List<ReceivedSpan> spans, String requestId) {
    return spans.stream()
        .filter(s -> s.kind() == Span.SpanKind.SPAN_KIND_SERVER)
        .filter(s -> List.of(requestId).equals(s.attribute("http.response.header.x-request-id")))
        .findFirst()
        .orElse(null);
  }

  static List<ReceivedSpan> genAiSpans(List<ReceivedSpan> spans, String requestId) {
    ReceivedSpan server = serverSpan(spans, requestId);
    if (server == null) {
      return List.of();
    }
    return spans.stream()
        .filter(s -> s.traceId().equals(server.traceId()))
        .filter(s -> s.attributes().containsKey("gen_ai.operation.name"))
        .collect(Collectors.toList());
  }

  @Test
  void streamingChatHasChunksTimingAndUsageFromTheLastChunk() throws Exception {
    HttpResponse<String> response =
        post(
            "/v1/chat/completions",
            chatBody("gpt-4o-mini", true),
            "x-sim-usage",
            "input=100,cached=40,output=20",
            "x-sim-chunks",
            "4");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("data: [DONE]");

    ReceivedSpan chat = genAiSpanOf(response);
    assertThat(chat.name()).isEqualTo("chat gpt-4o-mini");
    assertThat(chat.attributes())
        .containsEntry("gen_ai.provider.name", "openai")
        .containsEntry("gen_ai.request.stream", true)
        .containsEntry("gen_ai.usage.input_tokens", 100L)
        .containsEntry("gen_ai.usage.cache_read.input_tokens", 40L)
        .containsEntry("gen_ai.usage.output_tokens", 20L)
        .containsEntry("gen_ai.response.chunk_count", 4L)
        .containsKey("gen_ai.response.time_to_first_chunk")
        .containsKey("gen_ai.usage.cost.amount");
  }

  @Test
  void anthropicMessageNormalisesCacheTokensAndIsTheOnlyGenAiSpan() throws Exception {
    HttpResponse<String> response =
        post(
            "/v1/chat/completions",
            chatBody(CLAUDE, false),
            "x-sim-usage",
            "input=200,cached=50,cache_write=30,output=10");
    assertThat(response.statusCode()).isEqualTo(200);

    ReceivedSpan chat = genAiSpanOf(response);
    assertThat(chat.name()).isEqualTo("chat " + CLAUDE);
    assertThat(chat.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
    assertThat(chat.scopeName()).isEqualTo("dev.llmobs.genai");
    assertThat(chat.attributes())
        .containsEntry("gen_ai.provider.name", "anthropic")
        .containsEntry("gen_ai.request.stream", false)
        // The simulator reports 120 + 50 + 30 in Anthropic's split; the span counts them all.
        .containsEntry("gen_ai.usage.input_tokens", 200L)
        .containsEntry("gen_ai.usage.cache_read.input_tokens", 50L)
        .containsEntry("gen_ai.usage.cache_creation.input_tokens", 30L)
        .containsEntry("gen_ai.usage.output_tokens", 10L)
        .containsKey("gen_ai.usage.cost.amount");
  }

  @Test
  void anthropicStream() throws Exception {
    HttpResponse<String> response =
        post(
            "/v1/chat/completions",
            chatBody(CLAUDE, true),
            "x-sim-usage",
            "input=80,output=12",
            "x-sim-chunks",
            "3");
    assertThat(response.statusCode()).isEqualTo(200);

    ReceivedSpan chat = genAiSpanOf(response);
    assertThat(chat.attributes())
        .containsEntry("gen_ai.provider.name", "anthropic")
        .containsEntry("gen_ai.request.stream", true)
        .containsEntry("gen_ai.usage.input_tokens", 80L)
        .containsEntry("gen_ai.usage.output_tokens", 12L)
        .containsEntry("gen_ai.response.chunk_count", 3L);
  }

  @Test
  void responsesAndEmbeddings() throws Exception {
    HttpResponse<String> responses =
        post(
            "/v1/responses",
            "{\"model\":\"gpt-4.1\",\"input\":\"hi there\"}",
            "x-sim-usage",
            "input=30,output=7");
    assertThat(responses.statusCode()).isEqualTo(200);
    ReceivedSpan chat = genAiSpanOf(responses);
    assertThat(chat.name()).isEqualTo("chat gpt-4.1");
    assertThat(chat.attributes())
        .containsEntry("gen_ai.usage.input_tokens", 30L)
        .containsEntry("gen_ai.usage.output_tokens", 7L)
        .containsEntry("gen_ai.response.id", json.readTree(responses.body()).path("id").asText());

    HttpResponse<String> embeddings =
        post("/v1/embeddings", "{\"model\":\"text-embedding-3-small\",\"input\":\"embed me\"}");
    assertThat(embeddings.statusCode()).isEqualTo(200);
    ReceivedSpan embed = genAiSpanOf(embeddings);
    assertThat(embed.name()).isEqualTo("embeddings text-embedding-3-small");
    assertThat(embed.attributes())
        .containsEntry("gen_ai.operation.name", "embeddings")
        .containsEntry(
            "gen_ai.usage.input_tokens",
            json.readTree(embeddings.body()).path("usage").path("prompt_tokens").asLong());
  }

  @Test
  void upstreamRateLimitIsAnErrorSpanAndADurationPointWithErrorType() throws Exception {
    HttpResponse<String> response =
        post("/v1/chat/completions", chatBody("gpt-4o", false), "x-sim-error", "429");
    assertThat(response.statusCode()).isEqualTo(429);

    ReceivedSpan chat = genAiSpanOf(response);
    assertThat(chat.span().getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(chat.attributes()).containsEntry("error.type", "rate_limited");

    List<ReceivedMetricPoint> points =
        receiver.awaitMetricPoints(
            p ->
                p.stream()
                    .anyMatch(
                        m ->
                            m.name().equals("gen_ai.client.operation.duration")
                                && "rate_limited".equals(m.attribute("error.type"))),
            Duration.ofSeconds(30));
    assertThat(points)
        .filteredOn(m -> m.name().equals("gen_ai.client.operation.duration"))
        .allSatisfy(
            m -> {
              assertThat(m.unit()).isEqualTo("s");
              assertThat(m.attributes())
                  .doesNotContainKeys("gen_ai.response.id", "gen_ai.conversation.id");
            });
  }

  @Test
  void tokenUsageMetricsForBothProviders() throws Exception {
    post(
        "/v1/chat/completions", chatBody("gpt-4o-mini", false), "x-sim-usage", "input=11,output=3");
    post("/v1/chat/completions", chatBody(CLAUDE, false), "x-sim-usage", "input=13,output=5");

    List<ReceivedMetricPoint> points =
        receiver.awaitMetricPoints(
            p -> providers(p).containsAll(List.of("openai", "anthropic")), Duration.ofSeconds(30));
    assertThat(points)
        .filteredOn(m -> m.name().equals("gen_ai.client.token.usage"))
        .allSatisfy(
            m -> {
              assertThat(m.unit()).isEqualTo("{token}");
              assertThat(m.attribute("gen_ai.token.type")).isIn("input", "output");
              assertThat(m.count()).isPositive();
            });
  }

  static List<Object> providers(List<ReceivedMetricPoint> points) {
    return points.stream()
        .filter(m -> m.name().equals("gen_ai.client.token.usage"))
        .map(m -> m.attribute("gen_ai.provider.name"))
        .filter(Objects::nonNull)
        .distinct()
        .collect(Collectors.toList());
  }

  static HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    return gateway.postJson(path, body, headers);
  }
}
