package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmobs.it.harness.AgentGateway;
import dev.llmobs.it.harness.GatewayProcess;
import dev.llmobs.it.harness.OtlpReceiver;
import dev.llmobs.it.harness.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, end to end: {@code gemini-*} models through the gateway, which calls them with
 * google-genai, seen through the real llmobs agent jar. A chat and a streamed chat each give one
 * CLIENT {@code chat {model}} span with Gemini's usage normalised and priced from the catalog.
 *
 * <p>Needs the gateway's Gemini route (the gateway part of issue 16, on its own branch until the
 * integrator merges it): against a gateway jar without it, this class is skipped, saying so; with
 * it, every assertion must hold.
 */
class GeminiGatewayIT {

  // The gateway's Gemini provider: present once the gateway routes gemini-* through google-genai.
  static final String GEMINI_ROUTE = "dev/llmobs/gateway/providers/GeminiChat.class";

  static OtlpReceiver receiver;
  static GatewayProcess gateway;

  @BeforeAll
  static void start() throws Exception {
    Path gatewayJar = GatewayProcess.requiredFile("llmobs.gateway.jar");
    Assumptions.assumeTrue(
        routesGemini(gatewayJar),
        "the gateway in " + gatewayJar + " has no gemini-* route yet (issue 16, gateway part)");
    receiver = OtlpReceiver.start();
    gateway =
        GatewayProcess.builder(gatewayJar)
            .javaagent(GatewayProcess.requiredFile("llmobs.agent.jar"))
            .exportTo(receiver)
            .systemProperty("otel.logs.exporter", "none")
            .systemProperty("gateway.upstream.max-retries", "0")
            .systemProperty(
                "otel.instrumentation.http.server.capture-response-headers", "X-Request-ID")
            .logFile(AgentGateway.workDir().resolve("gateway-gemini.log"))
            .start();
  }

  static boolean routesGemini(Path gatewayJar) throws IOException {
    try (JarFile jar = new JarFile(gatewayJar.toFile())) {
      return jar.getEntry(GEMINI_ROUTE) != null;
    }
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
  void geminiChatIsOnePricedClientSpan() throws Exception {
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            ProviderSpansIT.chatBody("gemini-2.5-flash", false),
            "x-sim-usage",
            "input=100,cached=40,output=30,reasoning=10");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

    ReceivedSpan chat = ProviderSpansIT.genAiSpanOf(receiver, response);
    assertThat(chat.name()).isEqualTo("chat gemini-2.5-flash");
    assertThat(chat.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
    assertThat(chat.scopeName()).isEqualTo("dev.llmobs.genai");
    assertThat(chat.attributes())
        .containsEntry("gen_ai.operation.name", "chat")
        .containsEntry("gen_ai.provider.name", "gcp.gemini")
        .containsEntry("gen_ai.request.model", "gemini-2.5-flash")
        .containsEntry("gen_ai.response.model", "gemini-2.5-flash")
        .containsEntry("gen_ai.request.stream", false)
        .containsEntry("gen_ai.usage.input_tokens", 100L)
        .containsEntry("gen_ai.usage.cache_read.input_tokens", 40L)
        .containsEntry("gen_ai.usage.output_tokens", 30L)
        .containsEntry("gen_ai.usage.reasoning.output_tokens", 10L)
        // gemini-2.5-flash, USD per 1M: 60 x 0.30 + 40 x 0.03 + 30 x 2.50 = 18 + 1.2 + 75 = 94.2
        .containsEntry("gen_ai.usage.cost.amount", 0.0000942)
        .containsEntry("gen_ai.usage.cost.currency", "USD");
    assertThat(chat.attributes().get("gen_ai.response.finish_reasons")).isEqualTo(List.of("stop"));
  }

  @Test
  void streamedGeminiChatIsOnePricedClientSpanWithChunks() throws Exception {
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            ProviderSpansIT.chatBody("gemini-2.0-flash", true),
            "x-sim-usage",
            "input=30,cached=10,output=12",
            "x-sim-chunks",
            "3");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("data: [DONE]");

    ReceivedSpan chat = ProviderSpansIT.genAiSpanOf(receiver, response);
    assertThat(chat.name()).isEqualTo("chat gemini-2.0-flash");
    assertThat(chat.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
    assertThat(chat.attributes())
        .containsEntry("gen_ai.provider.name", "gcp.gemini")
        .containsEntry("gen_ai.request.stream", true)
        .containsEntry("gen_ai.usage.input_tokens", 30L)
        .containsEntry("gen_ai.usage.cache_read.input_tokens", 10L)
        .containsEntry("gen_ai.usage.output_tokens", 12L)
        .containsEntry("gen_ai.response.chunk_count", 3L)
        .containsKey("gen_ai.response.time_to_first_chunk")
        // gemini-2.0-flash, USD per 1M: 20 x 0.10 + 10 x 0.025 + 12 x 0.40 = 2 + 0.25 + 4.8 = 7.05
        .containsEntry("gen_ai.usage.cost.amount", 0.00000705)
        .containsEntry("gen_ai.usage.cost.currency", "USD");
  }
}
