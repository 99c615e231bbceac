package dev.llmobs.instrumentation.springai;

import java.util.List;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.anthropic.api.AnthropicApi;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.document.MetadataMode;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.OpenAiEmbeddingModel;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.web.client.RestClient;

/**
 * How the Spring AI 1.1 line builds its models: OpenAI and Anthropic over Spring's own RestClient
 * (JDK HttpClient, Spring's default) and WebClient. The scenarios do the rest.
 */
final class SpringAiLine {

  static final String VERSION = "1.1";

  // Spring AI retries 5xx and I/O errors ten times by default: one attempt shows each error once.
  private static final RetryTemplate ONE_ATTEMPT = RetryTemplate.builder().maxAttempts(1).build();

  static ChatModel openAiChat(ModelSetup setup) {
    return OpenAiChatModel.builder()
        .openAiApi(openAiApi(setup))
        .defaultOptions(OpenAiChatOptions.builder().model(ModelSetup.OPENAI_MODEL).build())
        .retryTemplate(ONE_ATTEMPT)
        .observationRegistry(setup.registry)
        .build();
  }

  static EmbeddingModel openAiEmbedding(ModelSetup setup) {
    return new OpenAiEmbeddingModel(
        openAiApi(setup),
        MetadataMode.EMBED,
        OpenAiEmbeddingOptions.builder().model(ModelSetup.EMBEDDING_MODEL).build(),
        ONE_ATTEMPT,
        setup.registry);
  }

  static ChatModel anthropicChat(ModelSetup setup) {
    AnthropicApi api =
        AnthropicApi.builder()
            .baseUrl(setup.root)
            .apiKey(setup.apiKey)
            .restClientBuilder(restClient(setup))
            .build();
    return AnthropicChatModel.builder()
        .anthropicApi(api)
        .defaultOptions(
            AnthropicChatOptions.builder().model(ModelSetup.ANTHROPIC_MODEL).maxTokens(256).build())
        .retryTemplate(ONE_ATTEMPT)
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

  /** Options offering {@code tools}, which the application runs itself (the model does not). */
  static ChatOptions toolOptions(List<ToolCallback> tools) {
    return OpenAiChatOptions.builder()
        .model(ModelSetup.OPENAI_MODEL)
        .toolCallbacks(tools)
        .internalToolExecutionEnabled(false)
        .build();
  }

  /** Options offering {@code tools}, which the model runs itself (1.1's default). */
  static ChatOptions internalToolOptions(List<ToolCallback> tools) {
    return OpenAiChatOptions.builder().model(ModelSetup.OPENAI_MODEL).toolCallbacks(tools).build();
  }

  /** Options that make the OpenAI model ask for usage on a stream (off by default on 1.1). */
  static ChatOptions streamingOptions(String model) {
    return OpenAiChatOptions.builder().model(model).streamUsage(true).build();
  }

  static ChatOptions streamingOptions(String model, List<String> stop) {
    return OpenAiChatOptions.builder().model(model).streamUsage(true).stop(stop).build();
  }

  private static OpenAiApi openAiApi(ModelSetup setup) {
    return OpenAiApi.builder()
        .baseUrl(setup.root)
        .apiKey(setup.apiKey)
        .restClientBuilder(restClient(setup))
        .build();
  }

  private static RestClient.Builder restClient(ModelSetup setup) {
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
    requests.setReadTimeout(setup.timeout);
    RestClient.Builder builder = RestClient.builder().requestFactory(requests);
    if (setup.httpSpans) {
      builder.requestInterceptor(
          (request, body, execution) ->
              HttpSpans.around(request.getMethod().name(), () -> execution.execute(request, body)));
    }
    return builder;
  }

  private SpringAiLine() {}
}
