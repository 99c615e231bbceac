package dev.llmobs.it.demo;

import dev.llmobs.it.harness.AgentApp;
import dev.llmobs.it.harness.GatewayProcess;
import dev.llmobs.it.harness.OtlpReceiver;
import dev.llmobs.it.harness.ReceivedSpan;
import dev.llmobs.it.harness.SpanTree;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The demo: starts the gateway with the llmobs agent on the embedded simulator, sends one request
 * of each kind (chat, reasoning, streaming, Anthropic, Gemini, Responses and a follow-up on the
 * stored conversation, embeddings, a bad one), runs a small agent (a LangChain4j AI Service with
 * two tools, {@link AgentLoopApp}, in a JVM of its own under the agent) against it, and prints the
 * traces an OTLP collector receives, a summary of the metrics the agent's Prometheus exporter
 * serves, and two log lines of one trace. Ctrl-C stops the gateway too.
 */
public final class DemoMain {

  // path, body: one of each kind of provider call the gateway makes.
  private static final String[][] REQUESTS = {
    {
      "/v1/chat/completions",
      "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\","
          + "\"content\":\"Say hello to the observability team.\"}]}"
    },
    {
      "/v1/chat/completions",
      "{\"model\":\"o3-mini\",\"messages\":[{\"role\":\"user\","
          + "\"content\":\"Think step by step: what is 17 * 23?\"}]}"
    },
    {
      "/v1/chat/completions",
      "{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"Stream a short answer.\"}]}"
    },
    {
      "/v1/chat/completions",
      "{\"model\":\"claude-sonnet-4-20250514\",\"messages\":[{\"role\":\"user\","
          + "\"content\":\"Hello from the demo, Claude.\"}]}"
    },
    {
      "/v1/chat/completions",
      "{\"model\":\"gemini-2.5-flash\",\"messages\":[{\"role\":\"user\","
          + "\"content\":\"Hello from the demo, Gemini.\"}]}"
    },
    {"/v1/responses", "{\"model\":\"gpt-4.1\",\"input\":\"Summarise why cost belongs on spans.\"}"},
    {"/v1/embeddings", "{\"model\":\"text-embedding-3-small\",\"input\":\"embed me\"}"},
  };

  /** The agent run's spans, both processes', once its two chats have reached the gateway. */
  private static List<ReceivedSpan> agentTrace(OtlpReceiver receiver) throws InterruptedException {
    List<ReceivedSpan> spans =
        receiver.awaitSpans(
            all -> {
              ReceivedSpan agentSpan = agentSpan(all);
              return agentSpan != null
                  && all.stream()
                          .filter(s -> s.traceId().equals(agentSpan.traceId()))
                          .filter(s -> s.name().startsWith("chat "))
                          .count()
                      >= 4; // two in the application, two in the gateway
            },
            Duration.ofSeconds(30));
    String traceId = agentSpan(spans).traceId();
    return spans.stream().filter(s -> s.traceId().equals(traceId)).collect(Collectors.toList());
  }

  private static ReceivedSpan agentSpan(List<ReceivedSpan> spans) {
    return spans.stream()
        .filter(s -> "invoke_agent".equals(s.attribute("gen_ai.operation.name")))
        .findFirst()
        .orElse(null);
  }

  /** The agent run's classpath: this module's classes and its runtime dependencies. */
  private static String appClasspath() throws IOException {
    Path file = GatewayProcess.requiredFile("llmobs.app.classpath.file");
    return System.getProperty("llmobs.app.classes")
        + File.pathSeparator
        + Files.readString(file).trim();
  }

  public static void main(String[] args) throws Exception {
    long started = System.nanoTime();
    Path agent = GatewayProcess.requiredFile("llmobs.agent.jar");
    Path gatewayJar = GatewayProcess.requiredFile("llmobs.gateway.jar");
    Path workDir = Paths.get(System.getProperty("llmobs.work.dir", "target/demo"));

    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      System.out.println("llmobs demo: starting the gateway with -javaagent:" + agent);
      GatewayProcess gateway =
          GatewayProcess.builder(gatewayJar)
              .javaagent(agent)
              .exportTo(receiver)
              .prometheus()
              .systemProperty("otel.service.name", "llmobs-demo-gateway")
              .systemProperty("otel.instrumentation.genai.cost.baggage-labels", "tenant")
              .logFile(workDir.resolve("gateway.log"))
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "demo-shutdown"));
      System.out.println(
          "gateway up on http://127.0.0.1:"
              + gateway.port()
              + " (its log: "
              + gateway.logFile()
              + ")\n");

      String responseId = null;
      for (String[] request : REQUESTS) {
        HttpResponse<String> response =
            gateway.postJson(request[0], request[1], "baggage", "tenant=demo-team");
        String model = request[1].replaceAll(".*\"model\":\"([^\"]+)\".*", "$1");
        System.out.println(
            "POST " + request[0] + " model=" + model + " -> HTTP " + response.statusCode());
        if (request[0].equals("/v1/responses")) {
          Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"(resp_[^\"]+)\"").matcher(response.body());
          responseId = id.find() ? id.group(1) : null;
        }
      }
      // A follow-up on the stored conversation: the store's get and update become spans (the
      // harness passes -Dotel.instrumentation.genai.stores, see GatewayProcess), and the chat span
      // carries the conversation id the store read.
      HttpResponse<String> followUp =
          gateway.postJson(
              "/v1/responses",
              "{\"model\":\"gpt-4.1\",\"input\":\"And in one sentence?\","
                  + "\"previous_response_id\":\""
                  + responseId
                  + "\"}");
      System.out.println(
          "POST /v1/responses previous_response_id="
              + responseId
              + " -> HTTP "
              + followUp.statusCode()
              + "  (stores: -D"
              + GatewayProcess.STORES_PROPERTY
              + "="
              + GatewayProcess.GATEWAY_STORES
              + ")");
      HttpResponse<String> bad = gateway.postJson("/v1/chat/completions", "{not json");
      System.out.println(
          "POST /v1/chat/completions (malformed JSON) -> HTTP "
              + bad.statusCode()
              + " "
              + bad.body());

      System.out.println(
          "\nAgent run: a LangChain4j AI Service with two tools, in a JVM of its own under the"
              + " agent, its model the gateway");
      List<String> agentOutput =
          AgentApp.run(
              agent,
              appClasspath(),
              receiver,
              "llmobs-demo-agent",
              Map.of(),
              workDir.resolve("agent-app.log"),
              AgentLoopApp.class.getName(),
              "http://127.0.0.1:" + gateway.port() + "/v1");
      agentOutput.stream()
          .filter(line -> line.startsWith("agent answered"))
          .forEach(System.out::println);

      // One GenAI span per request and the follow-up (the malformed one never reaches a provider).
      receiver.awaitSpans(
          s ->
              s.stream()
                      .filter(span -> span.attributes().containsKey("gen_ai.operation.name"))
                      .count()
                  >= REQUESTS.length + 1,
          Duration.ofSeconds(30));
      // Give the server spans and log records of the last requests a moment to arrive too.
      Thread.sleep(1000);
      List<ReceivedSpan> spans = receiver.spans();
      System.out.println("\nSpans received over OTLP (" + spans.size() + "):\n");
      System.out.print(SpanTree.render(spans));

      List<ReceivedSpan> agentTrace = agentTrace(receiver);
      System.out.println("The agent run's trace (invoke_agent -> chat -> execute_tool -> chat):\n");
      System.out.print(SpanTree.render(agentTrace));

      System.out.println("Metrics scraped from the agent's Prometheus exporter:\n");
      System.out.print(DemoSummary.metrics(gateway.scrapeAgent()));

      ReceivedSpan streamed =
          spans.stream()
              .filter(s -> Boolean.TRUE.equals(s.attribute("gen_ai.request.stream")))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no streamed chat span"));
      System.out.println("\nLogs of trace " + streamed.traceId() + " (" + streamed.name() + "):\n");
      System.out.print(DemoSummary.logsOfTrace(streamed.traceId(), gateway, receiver));

      gateway.close();
      System.out.printf(
          "%ndemo done in %.1f s; gateway stopped.%n", (System.nanoTime() - started) / 1e9);
    }
  }
}
