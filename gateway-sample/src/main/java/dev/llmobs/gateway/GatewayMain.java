package dev.llmobs.gateway;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.OpenAIServiceException;
import dev.llmobs.gateway.api.ChatCompletionsRoute;
import dev.llmobs.gateway.api.OpenAiError;
import dev.llmobs.gateway.config.GatewayConfig;
import dev.llmobs.gateway.simulator.UpstreamSimulator;
import io.javalin.Javalin;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the gateway and, when no upstream base URL is configured, the embedded simulator. */
public final class GatewayMain implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GatewayMain.class);

  private final UpstreamSimulator simulator;
  private final OpenAIClient openAi;
  private final Javalin app;

  private GatewayMain(UpstreamSimulator simulator, OpenAIClient openAi, Javalin app) {
    this.simulator = simulator;
    this.openAi = openAi;
    this.app = app;
  }

  public static GatewayMain start(GatewayConfig config) throws IOException {
    UpstreamSimulator simulator = null;
    String baseUrl = config.openAiBaseUrl();
    String apiKey = config.openAiApiKey();
    if (baseUrl == null) {
      simulator = UpstreamSimulator.start(config.simulatorPort());
      baseUrl = simulator.baseUrl();
      if (apiKey == null) {
        apiKey = "sk-simulator";
      }
    }
    if (apiKey == null) {
      throw new IllegalArgumentException(
          GatewayConfig.OPENAI_API_KEY + " must be set when " + GatewayConfig.OPENAI_BASE_URL
              + " points at a real upstream");
    }
    OpenAIClient openAi = OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey(apiKey).build();

    ChatCompletionsRoute chat = new ChatCompletionsRoute(openAi);
    Javalin app =
        Javalin.create(cfg -> cfg.showJavalinBanner = false)
            .get("/health", ctx -> ctx.json(Map.of("status", "ok")))
            .post("/v1/chat/completions", chat::handle)
            .exception(OpenAiError.class, (e, ctx) -> ctx.status(e.status()).json(e.body()))
            .exception(
                OpenAIServiceException.class,
                (e, ctx) -> {
                  OpenAiError error =
                      new OpenAiError(
                          e.statusCode() == 429 ? 429 : 502,
                          "Upstream provider failed with HTTP " + e.statusCode(),
                          "upstream_error",
                          null,
                          null);
                  ctx.status(error.status()).json(error.body());
                });
    app.start("0.0.0.0", config.port());
    log.info("gateway listening on port {} (upstream {})", app.port(), baseUrl);
    return new GatewayMain(simulator, openAi, app);
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    openAi.close();
    if (simulator != null) {
      simulator.close();
    }
  }

  public static void main(String[] args) throws Exception {
    GatewayMain gateway;
    try {
      gateway = start(GatewayConfig.fromSystem());
    } catch (IllegalArgumentException e) {
      log.error("gateway cannot start: {}", e.getMessage());
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "gateway-shutdown"));
  }
}
