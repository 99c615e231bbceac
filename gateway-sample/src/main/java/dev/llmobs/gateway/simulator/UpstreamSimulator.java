package dev.llmobs.gateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenAI-wire-compatible upstream on a local port, so the gateway runs with no network and no
 * keys. Answers are deterministic: the same prompt always gets the same text and usage.
 */
public final class UpstreamSimulator implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(UpstreamSimulator.class);

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService executor;

  private UpstreamSimulator(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts on 127.0.0.1 and {@code port} (0 picks a free port). */
  public static UpstreamSimulator start(int port) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    ExecutorService executor = Executors.newFixedThreadPool(16, r -> {
      Thread t = new Thread(r, "upstream-simulator");
      t.setDaemon(true);
      return t;
    });
    UpstreamSimulator simulator = new UpstreamSimulator(server, executor);
    server.createContext("/v1/chat/completions", simulator::chatCompletions);
    server.setExecutor(executor);
    server.start();
    log.info("upstream simulator listening on {}", simulator.baseUrl());
    return simulator;
  }

  /** The OpenAI base URL of this simulator, e.g. {@code http://127.0.0.1:41234/v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  private void chatCompletions(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        send(exchange, 405, error("method not allowed", "invalid_request_error"));
        return;
      }
      JsonNode request;
      try (InputStream body = exchange.getRequestBody()) {
        request = json.readTree(body);
      } catch (IOException e) {
        send(exchange, 400, error("request body is not JSON", "invalid_request_error"));
        return;
      }
      String model = request.path("model").asText("");
      StringBuilder prompt = new StringBuilder();
      for (JsonNode message : request.path("messages")) {
        prompt.append(message.path("role").asText()).append(": ");
        prompt.append(message.path("content").toString()).append('\n');
      }
      SimulatedAnswer answer = SimulatedAnswer.of(model, prompt.toString());
      send(exchange, 200, chatCompletion(model, answer));
    }
  }

  private ObjectNode chatCompletion(String model, SimulatedAnswer answer) {
    ObjectNode body = json.createObjectNode();
    body.put("id", "chatcmpl-sim-" + answer.id());
    body.put("object", "chat.completion");
    body.put("created", answer.created());
    body.put("model", answer.responseModel(model));
    ArrayNode choices = body.putArray("choices");
    ObjectNode choice = choices.addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", answer.text());
    choice.put("finish_reason", "stop");
    ObjectNode usage = body.putObject("usage");
    usage.put("prompt_tokens", answer.inputTokens());
    usage.put("completion_tokens", answer.outputTokens());
    usage.put("total_tokens", answer.inputTokens() + answer.outputTokens());
    usage.putObject("prompt_tokens_details").put("cached_tokens", answer.cachedTokens());
    usage.putObject("completion_tokens_details").put("reasoning_tokens", answer.reasoningTokens());
    return body;
  }

  private ObjectNode error(String message, String type) {
    ObjectNode body = json.createObjectNode();
    ObjectNode error = body.putObject("error");
    error.put("message", message);
    error.put("type", type);
    error.putNull("param");
    error.putNull("code");
    return body;
  }

  private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Runs the simulator alone: {@code java -cp gateway-sample.jar ...UpstreamSimulator [port]}. */
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8081;
    UpstreamSimulator simulator = start(port);
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
    Thread.currentThread().join();
  }
}
