package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.llmobs.it.harness.AgentApp;
import dev.llmobs.it.harness.AgentGateway;
import dev.llmobs.it.harness.GatewayProcess;
import dev.llmobs.it.harness.OtlpReceiver;
import dev.llmobs.it.harness.ReceivedSpan;
import dev.llmobs.it.harness.SpanTree;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A LangChain4j application under the real llmobs agent jar, its OpenAI chat models pointed at the
 * gateway sample's /v1 (the gateway under the agent too): each call is one trace across both
 * processes, in which the application has exactly one GenAI span, our {@code chat {model}} CLIENT
 * span, with the usage the simulator reported and its cost.
 */
class LangChain4jGatewayIT {

  static final String APP = "langchain4j-app";
  static final String GATEWAY = "llmobs-gateway";

  static OtlpReceiver receiver;
  static GatewayProcess gateway;

  @BeforeAll
  static void start() throws Exception {
    receiver = OtlpReceiver.start();
    gateway =
        GatewayProcess.builder(GatewayProcess.requiredFile("llmobs.gateway.jar"))
            .javaagent(GatewayProcess.requiredFile("llmobs.agent.jar"))
            .exportTo(receiver)
            .systemProperty("otel.service.name", GATEWAY)
            .systemProperty("otel.metrics.exporter", "none")
            .systemProperty("otel.logs.exporter", "none")
            .logFile(AgentGateway.workDir().resolve("gateway-langchain4j.log"))
            .start();
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void eachLangChain4jCallIsOneTraceWithOurChatSpan() throws Exception {
    List<String> output = runApp();
    assertThat(output).contains("chat: done", "stream: done");

    List<ReceivedSpan> spans =
        awaitSpans(
            s ->
                appGenAiSpans(s).size() == 2
                    && appGenAiSpans(s).stream()
                        .allMatch(chat -> gatewayServerSpan(s, chat) != null));
    List<ReceivedSpan> chats = appGenAiSpans(spans);
    assertThat(chats).as(SpanTree.render(spans)).hasSize(2);
    for (ReceivedSpan chat : chats) {
      assertThat(chat.name()).isEqualTo("chat gpt-4o-mini");
      assertThat(chat.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
      assertThat(chat.scopeName()).isEqualTo("dev.llmobs.genai");
      assertThat(chat.attributes())
          .containsEntry("gen_ai.operation.name", "chat")
          .containsEntry("gen_ai.provider.name", "openai")
          .containsEntry("gen_ai.request.model", "gpt-4o-mini")
          .containsEntry("server.address", "127.0.0.1")
          .containsEntry("server.port", (long) gateway.port())
          .containsEntry("gen_ai.usage.input_tokens", 100L)
          .containsEntry("gen_ai.usage.cache_read.input_tokens", 40L)
          .containsEntry("gen_ai.usage.output_tokens", 20L)
          // gpt-4o-mini: 60 x 0.15 + 40 cached x 0.075 + 20 x 0.60 USD per 1M tokens
          .containsEntry("gen_ai.usage.cost.amount", 2.4e-5)
          .containsEntry("gen_ai.usage.cost.currency", "USD")
          .containsKey("gen_ai.response.id");
      assertThat(chat.attributes().toString()).doesNotContain(App.API_KEY);
    }
    assertThat(chats.stream().map(c -> c.attribute("gen_ai.request.stream")))
        .containsExactlyInAnyOrder(false, true);
    ReceivedSpan streamed =
        chats.stream()
            .filter(c -> Boolean.TRUE.equals(c.attribute("gen_ai.request.stream")))
            .findFirst()
            .orElseThrow();
    assertThat(streamed.attributes())
        .containsKey("gen_ai.response.time_to_first_chunk")
        .containsKey("gen_ai.response.chunk_count");

    // One trace per call: the gateway's server span (and its own GenAI span) continue the
    // application's trace, below our chat span.
    for (ReceivedSpan chat : chats) {
      assertThat(gatewayServerSpan(spans, chat)).as(SpanTree.render(spans)).isNotNull();
    }
  }

  /** The spans once {@code condition} holds; else fails showing each trace and each service. */
  static List<ReceivedSpan> awaitSpans(Predicate<List<ReceivedSpan>> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<ReceivedSpan> spans = receiver.spans();
    while (!condition.test(spans)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "condition not met by "
                + spans.size()
                + " spans:\n"
                + SpanTree.render(spans)
                + spans.stream()
                    .map(s -> service(s) + " " + s.traceId() + " " + s.name())
                    .collect(Collectors.joining("\n")));
      }
      Thread.sleep(100);
      spans = receiver.spans();
    }
    return spans;
  }

  static String service(ReceivedSpan span) {
    return (String) span.resourceAttributes().get("service.name");
  }

  static List<ReceivedSpan> appGenAiSpans(List<ReceivedSpan> spans) {
    return spans.stream()
        .filter(s -> APP.equals(service(s)))
        .filter(s -> s.attributes().containsKey("gen_ai.operation.name"))
        .collect(Collectors.toList());
  }

  /** A server span of the gateway below {@code chat} in its trace, or null. */
  static ReceivedSpan gatewayServerSpan(List<ReceivedSpan> spans, ReceivedSpan chat) {
    List<ReceivedSpan> trace =
        spans.stream().filter(s -> s.traceId().equals(chat.traceId())).toList();
    return trace.stream()
        .filter(s -> GATEWAY.equals(service(s)))
        .filter(s -> s.kind() == Span.SpanKind.SPAN_KIND_SERVER)
        .filter(s -> isBelow(s, chat, trace))
        .findFirst()
        .orElse(null);
  }

  /** Whether {@code ancestor} is on {@code span}'s parent chain within {@code trace}. */
  static boolean isBelow(ReceivedSpan span, ReceivedSpan ancestor, List<ReceivedSpan> trace) {
    Map<String, ReceivedSpan> byId =
        trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId, s -> s, (a, b) -> a));
    for (ReceivedSpan s = span; s != null; s = byId.get(s.parentSpanId())) {
      if (s.spanId().equals(ancestor.spanId())) {
        return true;
      }
    }
    return false;
  }

  /** Runs {@link App} with the real agent, exporting to the receiver; returns its output. */
  static List<String> runApp() throws Exception {
    return AgentApp.run(
        GatewayProcess.requiredFile("llmobs.agent.jar"),
        System.getProperty("java.class.path"),
        receiver,
        APP,
        Map.of(),
        AgentGateway.workDir().resolve("langchain4j-app.log"),
        App.class.getName(),
        "http://127.0.0.1:" + gateway.port() + "/v1");
  }

  /** The application: one blocking and one streamed LangChain4j chat through the gateway. */
  public static final class App {

    static final String API_KEY = "sk-langchain4j-it";
    // The simulator behind the gateway reports this usage: gpt-4o-mini is priced.
    static final Map<String, String> USAGE = Map.of("x-sim-usage", "input=100,cached=40,output=20");

    public static void main(String[] args) throws Exception {
      String baseUrl = args[0];
      String answer =
          OpenAiChatModel.builder()
              .baseUrl(baseUrl)
              .apiKey(API_KEY)
              .modelName("gpt-4o-mini")
              .customHeaders(USAGE)
              .maxRetries(0)
              .timeout(Duration.ofSeconds(30))
              .build()
              .chat("hello from LangChain4j");
      System.out.println("chat: " + (answer.isEmpty() ? "empty" : "done"));

      CompletableFuture<ChatResponse> streamed = new CompletableFuture<>();
      OpenAiStreamingChatModel.builder()
          .baseUrl(baseUrl)
          .apiKey(API_KEY)
          .modelName("gpt-4o-mini")
          .customHeaders(USAGE)
          .timeout(Duration.ofSeconds(30))
          .build()
          .chat(
              "stream from LangChain4j",
              new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String partialResponse) {}

                @Override
                public void onCompleteResponse(ChatResponse completeResponse) {
                  streamed.complete(completeResponse);
                }

                @Override
                public void onError(Throwable error) {
                  streamed.completeExceptionally(error);
                }
              });
      streamed.get(60, TimeUnit.SECONDS);
      System.out.println("stream: done");
    }
  }
}
