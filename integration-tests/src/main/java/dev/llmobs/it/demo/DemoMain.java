package dev.llmobs.it.demo;

import dev.llmobs.it.harness.GatewayProcess;
import dev.llmobs.it.harness.OtlpReceiver;
import dev.llmobs.it.harness.ReceivedSpan;
import dev.llmobs.it.harness.SpanTree;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

/**
 * The demo: starts the gateway with the llmobs agent on the embedded simulator, sends a few
 * requests, and prints the traces an OTLP collector receives. Ctrl-C stops the gateway too.
 */
public final class DemoMain {

  private static final String[][] REQUESTS = {
    {"gpt-4o-mini", "Say hello to the observability team."},
    {"gpt-4o", "Summarise why token usage belongs on spans."},
    {"o3-mini", "Think step by step: what is 17 * 23?"},
  };

  public static void main(String[] args) throws Exception {
    Path agent = GatewayProcess.requiredFile("llmobs.agent.jar");
    Path gatewayJar = GatewayProcess.requiredFile("llmobs.gateway.jar");
    Path workDir = Paths.get(System.getProperty("llmobs.work.dir", "target/demo"));

    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      System.out.println("llmobs demo: starting the gateway with -javaagent:" + agent);
      GatewayProcess gateway =
          GatewayProcess.builder(gatewayJar)
              .javaagent(agent)
              .exportTo(receiver)
              .systemProperty("otel.service.name", "llmobs-demo-gateway")
              .systemProperty("otel.metrics.exporter", "none")
              .systemProperty("otel.logs.exporter", "none")
              .logFile(workDir.resolve("gateway.log"))
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "demo-shutdown"));
      System.out.println("gateway up on http://127.0.0.1:" + gateway.port()
          + " (its log: " + gateway.logFile() + ")\n");

      for (String[] request : REQUESTS) {
        String body =
            "{\"model\":\"" + request[0] + "\",\"messages\":[{\"role\":\"user\",\"content\":\""
                + request[1] + "\"}]}";
        HttpResponse<String> response = gateway.postJson("/v1/chat/completions", body);
        System.out.println("POST /v1/chat/completions model=" + request[0] + " -> HTTP "
            + response.statusCode());
      }
      HttpResponse<String> bad = gateway.postJson("/v1/chat/completions", "{not json");
      System.out.println("POST /v1/chat/completions (malformed JSON) -> HTTP " + bad.statusCode()
          + " " + bad.body());

      List<ReceivedSpan> spans =
          receiver.awaitSpans(
              s -> s.stream().filter(span -> span.name().startsWith("chat ")).count()
                  >= REQUESTS.length,
              Duration.ofSeconds(30));
      // Give the server spans of the last requests a moment to arrive too.
      Thread.sleep(1000);
      spans = receiver.spans();
      System.out.println("\nSpans received over OTLP (" + spans.size() + "):\n");
      System.out.print(SpanTree.render(spans));
      gateway.close();
      System.out.println("demo done; gateway stopped.");
    }
  }
}
