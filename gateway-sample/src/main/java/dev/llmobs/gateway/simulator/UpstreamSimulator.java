package dev.llmobs.gateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.llmobs.gateway.simulator.SimulatorControls.SimulatedError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An upstream on a loopback port that speaks the OpenAI wire protocol (chat completions, Responses,
 * embeddings, models) and the Anthropic Messages protocol, streaming included, so the gateway runs
 * with no network and no keys. Answers are deterministic: the same model and prompt always get the
 * same text and usage. Each request can ask for latency, chunking, errors and exact usage through
 * {@code x-sim-*} headers (see the README).
 */
public final class UpstreamSimulator implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(UpstreamSimulator.class);

  // How long "x-sim-error: timeout" holds a request: longer than any sane client timeout.
  private static final long HANG_MS = TimeUnit.MINUTES.toMillis(10);

  private static final String NODELAY = "sun.net.httpserver.nodelay";

  private final ObjectMapper json = new ObjectMapper();
  private final OpenAiWire openAi = new OpenAiWire(json);
  private final AnthropicWire anthropic = new AnthropicWire(json);
  private final GeminiWire gemini = new GeminiWire(json);
  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicLong clientDisconnects = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();

  private UpstreamSimulator(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts on 127.0.0.1 and {@code port} (0 picks a free port). */
  public static UpstreamSimulator start(int port) throws IOException {
    // The JDK server writes headers and body separately; with Nagle's algorithm on, a keep-alive
    // client's delayed ACK then stalls every answer by ~40 ms. Read once, when the server class
    // first loads; an explicit -D setting wins.
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    // Unbounded: a simulated timeout holds its thread, and must not starve other requests.
    ExecutorService executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "upstream-simulator");
              t.setDaemon(true);
              return t;
            });
    UpstreamSimulator simulator = new UpstreamSimulator(server, executor);
    server.createContext("/v1/chat/completions", e -> simulator.serve(e, "POST", simulator::chat));
    server.createContext("/v1/responses", e -> simulator.serve(e, "POST", simulator::responses));
    server.createContext("/v1/embeddings", e -> simulator.serve(e, "POST", simulator::embeddings));
    server.createContext("/v1/models", e -> simulator.serve(e, "GET", simulator::models));
    server.createContext("/v1/messages", e -> simulator.serve(e, "POST", simulator::messages));
    // Gemini: /{version}/models/{model}:{method}; the longest context prefix wins over /v1/models.
    for (String version : GeminiWire.VERSIONS) {
      server.createContext(
          "/" + version + "/models/", e -> simulator.serve(e, "POST", simulator::gemini));
    }
    server.setExecutor(executor);
    server.start();
    log.info("upstream simulator listening on http://127.0.0.1:{}", server.getAddress().getPort());
    return simulator;
  }

  /** The OpenAI base URL of this simulator, e.g. {@code http://127.0.0.1:41234/v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + "/v1";
  }

  /** The Anthropic base URL of this simulator, e.g. {@code http://127.0.0.1:41234}. */
  public String anthropicBaseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /**
   * The Gemini API base URL of this simulator (the SDK adds the version), e.g. {@code
   * http://127.0.0.1:41234}.
   */
  public String geminiBaseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** How many requests reached the simulator. */
  public long requests() {
    return requests.get();
  }

  /** How many answers were cut short because the client closed the connection. */
  public long clientDisconnects() {
    return clientDisconnects.get();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private interface Handler {
    void handle(Call call) throws IOException, InterruptedException;
  }

  /** The wire protocol a request speaks, which decides the shape of its errors. */
  enum Wire {
    OPENAI,
    ANTHROPIC,
    GEMINI;

    static Wire of(String path) {
      if (path.startsWith("/v1/messages")) {
        return ANTHROPIC;
      }
      return GeminiWire.isGeminiPath(path) ? GEMINI : OPENAI;
    }
  }

  /** One request: its exchange, parsed body, controls and model. */
  private record Call(
      HttpExchange exchange, JsonNode body, SimulatorControls controls, Wire wire, String model) {}

  private void serve(HttpExchange exchange, String method, Handler handler) {
    requests.incrementAndGet();
    String path = exchange.getRequestURI().getPath();
    Wire wire = Wire.of(path);
    try (exchange) {
      if (!method.equals(exchange.getRequestMethod())) {
        sendError(exchange, wire, 405, "method not allowed", "invalid_request_error");
        return;
      }
      SimulatorControls controls;
      try {
        controls = SimulatorControls.from(exchange.getRequestHeaders());
      } catch (IllegalArgumentException e) {
        sendError(exchange, wire, 400, e.getMessage(), "invalid_request_error");
        return;
      }
      JsonNode body = json.createObjectNode();
      if ("POST".equals(method)) {
        try (InputStream in = exchange.getRequestBody()) {
          body = json.readTree(in);
        } catch (IOException e) {
          sendError(exchange, wire, 400, "request body is not JSON", "invalid_request_error");
          return;
        }
      }
      String model =
          wire == Wire.GEMINI
              ? GeminiWire.model(path)
              : body == null ? "" : body.path("model").asText("");
      if ("POST".equals(method) && (body == null || !body.isObject() || model.isEmpty())) {
        sendError(exchange, wire, 400, "'model' is required", "invalid_request_error");
        return;
      }
      if (controls.error() != SimulatedError.NONE) {
        simulateError(exchange, wire, controls);
        return;
      }
      sleep(controls.ttfbMs());
      try {
        handler.handle(new Call(exchange, body, controls, wire, model));
      } catch (RequestChecks.BadRequest e) {
        sendError(exchange, wire, 400, e.getMessage(), "invalid_request_error");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client went away mid-answer; nothing to clean up
      clientDisconnects.incrementAndGet();
      log.debug("simulator client disconnected: {}", e.toString());
    } catch (RuntimeException e) {
      log.warn("simulator failed on {}", path, e);
      try {
        // a 500 rather than a dropped connection, if the answer has not started yet
        sendError(exchange, wire, 500, "simulator failure", "server_error");
      } catch (IOException | RuntimeException ignored) {
        // the answer had started; the connection closes
      }
    }
  }

  private void simulateError(HttpExchange exchange, Wire wire, SimulatorControls controls)
      throws IOException, InterruptedException {
    switch (controls.error()) {
      case RATE_LIMIT -> {
        exchange.getResponseHeaders().set("Retry-After", "1");
        switch (wire) {
          case ANTHROPIC ->
              send(
                  exchange,
                  429,
                  anthropic.error("rate_limit_error", "Rate limit exceeded (simulated)"));
          case GEMINI -> send(exchange, 429, gemini.error(429, "Resource exhausted (simulated)"));
          default ->
              send(
                  exchange,
                  429,
                  openAi.error(
                      "Rate limit reached (simulated)", "requests", "rate_limit_exceeded"));
        }
      }
      case SERVER ->
          sendError(
              exchange,
              wire,
              500,
              "Internal server error (simulated)",
              wire == Wire.ANTHROPIC ? "api_error" : "server_error");
      case TIMEOUT -> sleep(HANG_MS);
      default -> throw new IllegalStateException(controls.error().name());
    }
  }

  private void chat(Call call) throws IOException, InterruptedException {
    RequestChecks.positive(call.body(), "max_tokens", Integer.MAX_VALUE, 0);
    RequestChecks.positive(call.body(), "max_completion_tokens", Integer.MAX_VALUE, 0);
    SimulatedTools.Offer offer = OpenAiWire.chatOffer(call.body());
    SimulatedAnswer answer =
        SimulatedTools.withResults(
            SimulatedAnswer.of(
                call.model(), OpenAiWire.chatPrompt(call.body()), call.controls().usage()),
            offer.results());
    SimulatedTools.ToolCall toolCall =
        SimulatedTools.call(call.controls(), offer, answer, "call_sim");
    if (!call.body().path("stream").asBoolean(false)) {
      sleep(call.controls().latencyMs());
      send(call.exchange(), 200, openAi.chatCompletion(call.model(), answer, toolCall));
      return;
    }
    boolean includeUsage =
        call.body().path("stream_options").path("include_usage").asBoolean(false);
    try (SseStream sse = SseStream.open(call.exchange())) {
      if (toolCall != null) {
        List<String> pieces =
            SimulatedAnswer.split(toolCall.argumentsJson(), call.controls().chunks());
        sse.data(openAi.chatToolChunk(call.model(), answer, toolCall, "", true).toString());
        for (String piece : pieces) {
          sse.data(openAi.chatToolChunk(call.model(), answer, toolCall, piece, false).toString());
        }
        sse.data(openAi.chatFinishChunk(call.model(), answer, "tool_calls").toString());
        if (includeUsage) {
          sse.data(openAi.chatUsageChunk(call.model(), answer).toString());
        }
        sse.data("[DONE]");
        return;
      }
      List<String> chunks = answer.chunks(call.controls().chunks());
      long pause = call.controls().latencyMs() / Math.max(1, chunks.size());
      for (int i = 0; i < chunks.size(); i++) {
        if (i > 0) {
          sleep(pause);
        }
        sse.data(openAi.chatChunk(call.model(), answer, chunks.get(i), i == 0).toString());
      }
      sse.data(openAi.chatChunk(call.model(), answer, null, false).toString());
      if (includeUsage) {
        sse.data(openAi.chatUsageChunk(call.model(), answer).toString());
      }
      sse.data("[DONE]");
    }
  }

  private void responses(Call call) throws IOException, InterruptedException {
    RequestChecks.positive(call.body(), "max_output_tokens", Integer.MAX_VALUE, 0);
    SimulatedTools.Offer offer = OpenAiWire.responsesOffer(call.body());
    SimulatedAnswer answer =
        SimulatedTools.withResults(
            SimulatedAnswer.of(
                call.model(), OpenAiWire.responsesPrompt(call.body()), call.controls().usage()),
            offer.results());
    SimulatedTools.ToolCall toolCall =
        SimulatedTools.call(call.controls(), offer, answer, "call_sim");
    ObjectNode response = openAi.response(call.model(), call.body(), answer, toolCall, true);
    if (!call.body().path("stream").asBoolean(false)) {
      sleep(call.controls().latencyMs());
      send(call.exchange(), 200, response);
      return;
    }
    ObjectNode inProgress = openAi.response(call.model(), call.body(), answer, toolCall, false);
    inProgress.put("id", response.path("id").asText());
    String itemId = OpenAiWire.messageId(answer);
    int seq = 0;
    try (SseStream sse = SseStream.open(call.exchange())) {
      sse.event(
          "response.created", withResponse(openAi.event("response.created", seq++), inProgress));
      sse.event(
          "response.in_progress",
          withResponse(openAi.event("response.in_progress", seq++), inProgress));
      if (toolCall != null) {
        streamFunctionCall(sse, toolCall, response, call.controls().chunks(), seq);
        return;
      }
      ObjectNode added = openAi.event("response.output_item.added", seq++).put("output_index", 0);
      added.set("item", openAi.outputMessage(answer, null, "in_progress"));
      sse.event("response.output_item.added", added);
      ObjectNode partAdded =
          contentEvent(openAi.event("response.content_part.added", seq++), itemId);
      partAdded.set("part", openAi.outputText(""));
      sse.event("response.content_part.added", partAdded);
      List<String> chunks = answer.chunks(call.controls().chunks());
      long pause = call.controls().latencyMs() / Math.max(1, chunks.size());
      for (int i = 0; i < chunks.size(); i++) {
        if (i > 0) {
          sleep(pause);
        }
        ObjectNode delta = contentEvent(openAi.event("response.output_text.delta", seq++), itemId);
        delta.put("delta", chunks.get(i));
        delta.putArray("logprobs");
        sse.event("response.output_text.delta", delta);
      }
      ObjectNode textDone = contentEvent(openAi.event("response.output_text.done", seq++), itemId);
      textDone.put("text", answer.text());
      textDone.putArray("logprobs");
      sse.event("response.output_text.done", textDone);
      ObjectNode partDone = contentEvent(openAi.event("response.content_part.done", seq++), itemId);
      partDone.set("part", openAi.outputText(answer.text()));
      sse.event("response.content_part.done", partDone);
      ObjectNode itemDone = openAi.event("response.output_item.done", seq++).put("output_index", 0);
      itemDone.set("item", openAi.outputMessage(answer, answer.text(), "completed"));
      sse.event("response.output_item.done", itemDone);
      sse.event(
          "response.completed", withResponse(openAi.event("response.completed", seq), response));
    }
  }

  /** The Responses stream events of a function call, after created and in_progress. */
  private void streamFunctionCall(
      SseStream sse, SimulatedTools.ToolCall call, ObjectNode response, Integer chunks, int seq)
      throws IOException {
    String itemId = "fc_" + call.id();
    ObjectNode added = openAi.event("response.output_item.added", seq++).put("output_index", 0);
    added.set("item", openAi.functionCall(call, "", "in_progress"));
    sse.event("response.output_item.added", added);
    for (String piece : SimulatedAnswer.split(call.argumentsJson(), chunks)) {
      ObjectNode delta =
          openAi
              .event("response.function_call_arguments.delta", seq++)
              .put("item_id", itemId)
              .put("output_index", 0)
              .put("delta", piece);
      sse.event("response.function_call_arguments.delta", delta);
    }
    ObjectNode done =
        openAi
            .event("response.function_call_arguments.done", seq++)
            .put("item_id", itemId)
            .put("output_index", 0)
            .put("arguments", call.argumentsJson());
    sse.event("response.function_call_arguments.done", done);
    ObjectNode itemDone = openAi.event("response.output_item.done", seq++).put("output_index", 0);
    itemDone.set("item", openAi.functionCall(call, call.argumentsJson(), "completed"));
    sse.event("response.output_item.done", itemDone);
    sse.event(
        "response.completed", withResponse(openAi.event("response.completed", seq), response));
  }

  private static ObjectNode withResponse(ObjectNode event, ObjectNode response) {
    event.set("response", response);
    return event;
  }

  private static ObjectNode contentEvent(ObjectNode event, String itemId) {
    return event.put("item_id", itemId).put("output_index", 0).put("content_index", 0);
  }

  private void embeddings(Call call) throws IOException, InterruptedException {
    JsonNode input = call.body().path("input");
    if (input.isMissingNode() || input.isNull() || (input.isArray() && input.isEmpty())) {
      sendError(call.exchange(), Wire.OPENAI, 400, "'input' is required", "invalid_request_error");
      return;
    }
    int dimensions =
        (int)
            RequestChecks.positive(
                call.body(),
                "dimensions",
                RequestChecks.MAX_DIMENSIONS,
                call.model().contains("large") ? 3072 : 1536);
    sleep(call.controls().latencyMs());
    send(
        call.exchange(),
        200,
        openAi.embeddings(call.model(), call.body(), dimensions, call.controls().usage()));
  }

  private void models(Call call) throws IOException, InterruptedException {
    ObjectNode body = json.createObjectNode().put("object", "list");
    ArrayNode data = body.putArray("data");
    for (String id :
        List.of("gpt-4o", "gpt-4o-mini", "o3-mini", "o4-mini", "text-embedding-3-small")) {
      data.addObject()
          .put("id", id)
          .put("object", "model")
          .put("created", 1_700_000_000L)
          .put("owned_by", "simulator");
    }
    send(call.exchange(), 200, body);
  }

  private void messages(Call call) throws IOException, InterruptedException {
    RequestChecks.requiredPositive(call.body(), "max_tokens", Integer.MAX_VALUE);
    SimulatedTools.Offer offer = AnthropicWire.offer(call.body());
    SimulatedAnswer answer =
        SimulatedTools.withResults(
            SimulatedAnswer.of(
                call.model(), AnthropicWire.prompt(call.body()), call.controls().usage()),
            offer.results());
    SimulatedTools.ToolCall toolCall =
        SimulatedTools.call(call.controls(), offer, answer, "toolu_sim");
    if (!call.body().path("stream").asBoolean(false)) {
      sleep(call.controls().latencyMs());
      send(call.exchange(), 200, anthropic.message(call.model(), answer, toolCall, true));
      return;
    }
    try (SseStream sse = SseStream.open(call.exchange())) {
      ObjectNode start = anthropic.event("message_start");
      start.set("message", anthropic.message(call.model(), answer, toolCall, false));
      sse.event("message_start", start);
      if (toolCall != null) {
        ObjectNode blockStart = anthropic.event("content_block_start").put("index", 0);
        ObjectNode block = anthropic.toolUse(toolCall);
        block.putObject("input");
        blockStart.set("content_block", block);
        sse.event("content_block_start", blockStart);
        for (String piece :
            SimulatedAnswer.split(toolCall.argumentsJson(), call.controls().chunks())) {
          sse.event("content_block_delta", anthropic.inputJsonDelta(piece));
        }
        sse.event("content_block_stop", anthropic.event("content_block_stop").put("index", 0));
        sse.event("message_delta", anthropic.messageDelta(answer.usage(), "tool_use"));
        sse.event("message_stop", anthropic.event("message_stop"));
        return;
      }
      ObjectNode blockStart = anthropic.event("content_block_start").put("index", 0);
      blockStart.putObject("content_block").put("type", "text").put("text", "");
      sse.event("content_block_start", blockStart);
      sse.event("ping", anthropic.event("ping"));
      List<String> chunks = answer.chunks(call.controls().chunks());
      long pause = call.controls().latencyMs() / Math.max(1, chunks.size());
      for (int i = 0; i < chunks.size(); i++) {
        if (i > 0) {
          sleep(pause);
        }
        sse.event("content_block_delta", anthropic.textDelta(chunks.get(i)));
      }
      sse.event("content_block_stop", anthropic.event("content_block_stop").put("index", 0));
      sse.event("message_delta", anthropic.messageDelta(answer.usage(), "end_turn"));
      sse.event("message_stop", anthropic.event("message_stop"));
    }
  }

  private void gemini(Call call) throws IOException, InterruptedException {
    String method = GeminiWire.method(call.exchange().getRequestURI().getPath());
    switch (method) {
      case "generateContent" -> geminiGenerate(call, false);
      case "streamGenerateContent" -> geminiGenerate(call, true);
      case "embedContent" -> geminiEmbed(call, false);
      case "batchEmbedContents" -> geminiEmbed(call, true);
      default -> sendError(call.exchange(), Wire.GEMINI, 404, "unknown method", "not_found");
    }
  }

  private void geminiGenerate(Call call, boolean stream) throws IOException, InterruptedException {
    JsonNode contents = call.body().path("contents");
    if (!contents.isArray() || contents.isEmpty()) {
      throw new RequestChecks.BadRequest("contents is not specified");
    }
    RequestChecks.positive(
        call.body().path("generationConfig"), "maxOutputTokens", Integer.MAX_VALUE, 0);
    SimulatedTools.Offer offer = GeminiWire.offer(call.body());
    SimulatedAnswer answer =
        SimulatedTools.withResults(
            SimulatedAnswer.of(
                call.model(), GeminiWire.prompt(call.body()), call.controls().usage()),
            offer.results());
    SimulatedTools.ToolCall toolCall =
        SimulatedTools.call(call.controls(), offer, answer, "call_sim");
    if (!stream || toolCall != null) {
      ArrayNode parts =
          toolCall == null ? gemini.textParts(answer.text()) : gemini.functionCallParts(toolCall);
      ObjectNode response = gemini.response(call.model(), answer, parts, "STOP", true);
      sleep(call.controls().latencyMs());
      if (!stream) {
        send(call.exchange(), 200, response);
      } else {
        // Gemini streams a function call whole, in one chunk.
        try (SseStream sse = SseStream.open(call.exchange())) {
          sse.data(response.toString());
        }
      }
      return;
    }
    try (SseStream sse = SseStream.open(call.exchange())) {
      List<String> chunks = answer.chunks(call.controls().chunks());
      long pause = call.controls().latencyMs() / Math.max(1, chunks.size());
      for (int i = 0; i < chunks.size(); i++) {
        if (i > 0) {
          sleep(pause);
        }
        boolean last = i == chunks.size() - 1;
        sse.data(
            gemini
                .response(
                    call.model(),
                    answer,
                    gemini.textParts(chunks.get(i)),
                    last ? "STOP" : null,
                    last)
                .toString());
      }
    }
  }

  private void geminiEmbed(Call call, boolean batch) throws IOException, InterruptedException {
    List<JsonNode> requests = new java.util.ArrayList<>();
    if (batch) {
      call.body().path("requests").forEach(requests::add);
    } else {
      requests.add(call.body());
    }
    if (requests.isEmpty()) {
      throw new RequestChecks.BadRequest("requests is not specified");
    }
    ArrayNode embeddings = json.createArrayNode();
    for (JsonNode request : requests) {
      JsonNode parts = request.path("content").path("parts");
      if (!parts.isArray() || parts.isEmpty()) {
        throw new RequestChecks.BadRequest("content is not specified");
      }
      int dimensions =
          (int)
              RequestChecks.positive(
                  request,
                  "outputDimensionality",
                  RequestChecks.MAX_DIMENSIONS,
                  call.model().startsWith("gemini-embedding") ? 3072 : 768);
      StringBuilder text = new StringBuilder();
      parts.forEach(part -> text.append(part.path("text").asText(part.toString())));
      embeddings.add(
          gemini.embedding(
              OpenAiWire.vector(call.model(), text.toString(), dimensions),
              Math.max(1, SimulatedAnswer.estimateTokens(text.toString()))));
    }
    sleep(call.controls().latencyMs());
    ObjectNode body = json.createObjectNode();
    if (batch) {
      body.set("embeddings", embeddings);
    } else {
      body.set("embedding", embeddings.get(0));
    }
    send(call.exchange(), 200, body);
  }

  private void sendError(HttpExchange exchange, Wire wire, int status, String message, String type)
      throws IOException {
    JsonNode body =
        switch (wire) {
          case ANTHROPIC -> anthropic.error(type, message);
          case GEMINI -> gemini.error(status, message);
          default -> openAi.error(message, type, null);
        };
    send(exchange, status, body);
  }

  private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sleep(long millis) throws InterruptedException {
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }

  /** A {@code text/event-stream} response, flushed event by event. */
  private static final class SseStream implements AutoCloseable {
    private final OutputStream out;

    private SseStream(OutputStream out) {
      this.out = out;
    }

    static SseStream open(HttpExchange exchange) throws IOException {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      exchange.sendResponseHeaders(200, 0);
      return new SseStream(exchange.getResponseBody());
    }

    void data(String data) throws IOException {
      write("data: " + data + "\n\n");
    }

    void event(String name, JsonNode data) throws IOException {
      write("event: " + name + "\ndata: " + data + "\n\n");
    }

    private void write(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
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
