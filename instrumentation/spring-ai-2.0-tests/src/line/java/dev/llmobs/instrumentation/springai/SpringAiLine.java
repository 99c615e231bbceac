package dev.llmobs.instrumentation.springai;

import io.opentelemetry.context.Context;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.OpenAiEmbeddingModel;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;
import org.springframework.ai.openai.http.okhttp.OpenAiHttpClientBuilderCustomizer;
import org.springframework.ai.tool.ToolCallback;

/**
 * How the Spring AI 2.0 line builds its models: OpenAI on openai-java (4.x) and Anthropic on
 * anthropic-java, both over OkHttp. The scenarios do the rest.
 */
final class SpringAiLine {

  static final String VERSION = "2.0";

  // What the agent's executor instrumentation does for OkHttp's async calls in production (the test
  // agent has none): run each call in the context it was enqueued in.
  private static final ExecutorService DISPATCHER =
      Context.taskWrapping(
          Executors.newCachedThreadPool(
              r -> {
                Thread thread = new Thread(r, "test-okhttp-dispatcher");
                thread.setDaemon(true);
                return thread;
              }));

  static ChatModel openAiChat(ModelSetup setup) {
    return OpenAiChatModel.builder()
        .options(
            OpenAiChatOptions.builder()
                .baseUrl(setup.root + "/v1")
                .apiKey(setup.apiKey)
                .model(ModelSetup.OPENAI_MODEL)
                .timeout(setup.timeout)
                .maxRetries(0)
                .build())
        .observationRegistry(setup.registry)
        .httpClientBuilderCustomizer(httpSpans(setup))
        .build();
  }

  static EmbeddingModel openAiEmbedding(ModelSetup setup) {
    return OpenAiEmbeddingModel.builder()
        .options(
            OpenAiEmbeddingOptions.builder()
                .baseUrl(setup.root + "/v1")
                .apiKey(setup.apiKey)
                .model(ModelSetup.EMBEDDING_MODEL)
                .timeout(setup.timeout)
                .maxRetries(0)
                .build())
        .observationRegistry(setup.registry)
        .httpClientBuilderCustomizer(httpSpans(setup))
        .build();
  }

  static ChatModel anthropicChat(ModelSetup setup) {
    return AnthropicChatModel.builder()
        .options(
            AnthropicChatOptions.builder()
                .baseUrl(setup.root)
                .apiKey(setup.apiKey)
                .model(ModelSetup.ANTHROPIC_MODEL)
                .maxTokens(256)
                .timeout(setup.timeout)
                .maxRetries(0)
                .build())
        .observationRegistry(setup.registry)
        .build();
  }

  /** OpenAI chat options (the model takes no other kind of options on 2.0). */
  static ChatOptions openAiOptions(
      String model,
      double temperature,
      double topP,
      int maxTokens,
      double frequencyPenalty,
      double presencePenalty,
      List<String> stop) {
    return OpenAiChatOptions.builder()
        .model(model)
        .temperature(temperature)
        .topP(topP)
        .maxTokens(maxTokens)
        .frequencyPenalty(frequencyPenalty)
        .presencePenalty(presencePenalty)
        .stop(stop)
        .build();
  }

  /** Options offering {@code tools}: on 2.0 the model never runs them, its caller does. */
  static ChatOptions toolOptions(List<ToolCallback> tools) {
    return OpenAiChatOptions.builder().model(ModelSetup.OPENAI_MODEL).toolCallbacks(tools).build();
  }

  /** 2.0 asks for usage on every stream. */
  static ChatOptions streamingOptions(String model) {
    return OpenAiChatOptions.builder().model(model).build();
  }

  static ChatOptions streamingOptions(String model, List<String> stop) {
    return OpenAiChatOptions.builder().model(model).stop(stop).build();
  }

  private static OpenAiHttpClientBuilderCustomizer httpSpans(ModelSetup setup) {
    return builder -> {
      if (setup.httpSpans) {
        builder
            .dispatcherExecutorService(DISPATCHER)
            .interceptor(
                chain ->
                    HttpSpans.around(
                        chain.request().method(), () -> chain.proceed(chain.request())));
      }
    };
  }

  private SpringAiLine() {}
}
