package dev.llmobs.gateway;

import dev.llmobs.gateway.api.ChatCompletionsRoute;
import dev.llmobs.gateway.api.ConversationsRoute;
import dev.llmobs.gateway.api.EmbeddingsRoute;
import dev.llmobs.gateway.api.ModelsRoute;
import dev.llmobs.gateway.api.ResponsesRoute;
import dev.llmobs.gateway.cache.ResponseCache;
import dev.llmobs.gateway.cache.ResponseCaches;
import dev.llmobs.gateway.config.GatewayConfig;
import dev.llmobs.gateway.metrics.HttpMetrics;
import dev.llmobs.gateway.providers.AnthropicUpstream;
import dev.llmobs.gateway.providers.GeminiUpstream;
import dev.llmobs.gateway.providers.OpenAiUpstream;
import dev.llmobs.gateway.simulator.UpstreamSimulator;
import dev.llmobs.gateway.store.ConversationStore;
import dev.llmobs.gateway.store.ConversationStores;
import dev.llmobs.gateway.store.StoreException;
import dev.llmobs.gateway.web.ApiGuard;
import dev.llmobs.gateway.web.ErrorResponses;
import dev.llmobs.gateway.web.GatewayConnector;
import dev.llmobs.gateway.web.RequestIds;
import io.javalin.Javalin;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the gateway and, when an upstream base URL is not configured, the embedded simulator. */
public final class GatewayMain implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GatewayMain.class);
  private static final Logger access = LoggerFactory.getLogger("dev.llmobs.gateway.access");

  private final List<AutoCloseable> resources;
  private final Javalin app;

  private GatewayMain(List<AutoCloseable> resources, Javalin app) {
    this.resources = resources;
    this.app = app;
  }

  public static GatewayMain start(GatewayConfig config) throws IOException {
    // Closed in reverse order, also when start-up fails half way.
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      return start(config, resources);
    } catch (IOException | RuntimeException e) {
      closeAll(resources);
      throw e;
    }
  }

  private static GatewayMain start(GatewayConfig config, List<AutoCloseable> resources)
      throws IOException {
    String openAiUrl = config.openAiBaseUrl();
    String anthropicUrl = config.anthropicBaseUrl();
    String openAiKey =
        requireKey(
            openAiUrl,
            config.openAiApiKey(),
            GatewayConfig.OPENAI_API_KEY,
            GatewayConfig.OPENAI_BASE_URL);
    String anthropicKey =
        requireKey(
            anthropicUrl,
            config.anthropicApiKey(),
            GatewayConfig.ANTHROPIC_API_KEY,
            GatewayConfig.ANTHROPIC_BASE_URL);
    String geminiUrl = config.geminiBaseUrl();
    String geminiKey =
        requireKey(
            geminiUrl,
            config.geminiApiKey(),
            GatewayConfig.GEMINI_API_KEY,
            GatewayConfig.GEMINI_BASE_URL);
    if (openAiUrl == null || anthropicUrl == null || geminiUrl == null) {
      UpstreamSimulator simulator = UpstreamSimulator.start(config.simulatorPort());
      resources.add(simulator);
      openAiUrl = openAiUrl == null ? simulator.baseUrl() : openAiUrl;
      anthropicUrl = anthropicUrl == null ? simulator.anthropicBaseUrl() : anthropicUrl;
      geminiUrl = geminiUrl == null ? simulator.geminiBaseUrl() : geminiUrl;
    }
    OpenAiUpstream openAi =
        new OpenAiUpstream(
            openAiUrl, openAiKey, config.upstreamTimeout(), config.upstreamMaxRetries());
    resources.add(openAi);
    AnthropicUpstream anthropic =
        new AnthropicUpstream(
            anthropicUrl, anthropicKey, config.upstreamTimeout(), config.upstreamMaxRetries());
    resources.add(anthropic);
    GeminiUpstream gemini =
        new GeminiUpstream(
            geminiUrl, geminiKey, config.upstreamTimeout(), config.upstreamMaxRetries());
    resources.add(gemini);
    ConversationStore store = ConversationStores.create(config);
    resources.add(store);
    HttpMetrics metrics = new HttpMetrics(store);
    resources.add(metrics::close);

    ResponseCache cache = ResponseCaches.create(config);
    ApiGuard guard = new ApiGuard(config.authKeys(), config.rateLimitRpm());
    ChatCompletionsRoute chat = new ChatCompletionsRoute(openAi, anthropic, gemini, cache);
    ResponsesRoute responses = new ResponsesRoute(openAi, anthropic, store);
    ConversationsRoute conversations = new ConversationsRoute(store);
    EmbeddingsRoute embeddings = new EmbeddingsRoute(openAi, gemini, cache);
    ModelsRoute models = new ModelsRoute();
    int maxRequestBytes = config.maxRequestBytes();
    ErrorResponses errors = new ErrorResponses(maxRequestBytes);

    Javalin app =
        Javalin.create(
                cfg -> {
                  cfg.showJavalinBanner = false;
                  cfg.startupWatcherEnabled = false;
                  cfg.http.maxRequestSize = maxRequestBytes;
                  cfg.jetty.addConnector(
                      (server, http) ->
                          GatewayConnector.create(server, http, config.host(), config.port()));
                  cfg.jetty.modifyServer(
                      server -> server.setErrorHandler(errors.jettyErrorHandler()));
                  cfg.jetty.modifyServletContextHandler(
                      handler -> handler.setErrorHandler(errors.jettyErrorHandler()));
                  cfg.requestLogger.http(
                      (ctx, ms) -> {
                        metrics.record(ctx, ms);
                        access
                            .atInfo()
                            .addKeyValue("http_method", ctx.method().name())
                            .addKeyValue("http_route", HttpMetrics.route(ctx))
                            .addKeyValue("http_status", ctx.status().getCode())
                            .addKeyValue("duration_ms", Math.round(ms * 10) / 10.0)
                            .log("request completed");
                        RequestIds.end();
                      });
                })
            .before(RequestIds::begin)
            .get(
                "/health", ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"))
            .get(
                "/metrics",
                ctx -> ctx.contentType(HttpMetrics.CONTENT_TYPE).result(metrics.scrape()))
            .get("/v1/models", guard.wrap(models::handle))
            .post("/v1/chat/completions", guard.wrap(chat::handle))
            .post("/v1/responses", guard.wrap(responses::create))
            .get("/v1/responses/{response_id}/input_items", guard.wrap(responses::inputItems))
            .delete("/v1/responses/{response_id}", guard.wrap(responses::delete))
            .post("/v1/conversations", guard.wrap(conversations::create))
            .get("/v1/conversations/{conversation_id}/items", guard.wrap(conversations::items))
            .delete("/v1/conversations/{conversation_id}", guard.wrap(conversations::delete))
            .post("/v1/embeddings", guard.wrap(embeddings::handle));
    errors.install(app);
    app.start();
    log.atInfo()
        .addKeyValue("port", app.port())
        .addKeyValue("openai_base_url", openAiUrl)
        .addKeyValue("anthropic_base_url", anthropicUrl)
        .addKeyValue("gemini_base_url", geminiUrl)
        .addKeyValue("store", ConversationStores.describe(config))
        .addKeyValue("cache", ResponseCaches.describe(config))
        .addKeyValue(
            "auth", config.authKeys().isEmpty() ? "off" : config.authKeys().size() + " keys")
        .addKeyValue("rate_limit_rpm", config.rateLimitRpm())
        .log("gateway listening on port {}", app.port());
    return new GatewayMain(resources, app);
  }

  private static String requireKey(String baseUrl, String key, String keyOption, String urlOption) {
    if (baseUrl == null) {
      return key != null ? key : "sk-simulator";
    }
    if (key == null) {
      throw new IllegalArgumentException(
          keyOption + " must be set when " + urlOption + " points at a real upstream");
    }
    return key;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    closeAll(resources);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        log.warn("closing {} failed", resources.get(i), e);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    GatewayMain gateway;
    try {
      gateway = start(GatewayConfig.fromSystem());
    } catch (IllegalArgumentException | StoreException e) {
      log.error("gateway cannot start: {}", e.getMessage());
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "gateway-shutdown"));
  }
}
