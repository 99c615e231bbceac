package dev.llmobs.instrumentation.springai.v1_1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmobs.genai.GenAiRequest;
import dev.llmobs.genai.GenAiResponse;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;

/** The Spring AI to neutral-view mapping, on real Spring AI objects, without an agent. */
class SpringAiMappingTest {

  /** A model of no known provider, whose defaults the prompt's options override field by field. */
  static final class DefaultsModel implements ChatModel {
    @Override
    public ChatResponse call(Prompt prompt) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ChatOptions getDefaultOptions() {
      return ChatOptions.builder()
          .model("default-model")
          .temperature(0.9)
          .topK(40)
          .maxTokens(256)
          .stopSequences(Collections.singletonList("END"))
          .build();
    }
  }

  @Test
  void requestTakesThePromptsOptionsOverTheModelsDefaults() {
    Prompt prompt =
        new Prompt("hi", ChatOptions.builder().model("gpt-4o").temperature(0.2).topP(0.5).build());

    GenAiRequest request = SpringAiChat.request(new DefaultsModel(), prompt, false);

    assertThat(request.operationName()).isEqualTo("chat");
    assertThat(request.providerName()).isEqualTo("_OTHER");
    assertThat(request.requestModel()).isEqualTo("gpt-4o");
    assertThat(request.temperature()).isEqualTo(0.2);
    assertThat(request.topP()).isEqualTo(0.5);
    assertThat(request.topK()).isEqualTo(40.0);
    assertThat(request.maxTokens()).isEqualTo(256L);
    assertThat(request.stopSequences()).containsExactly("END");
    assertThat(request.stream()).isFalse();
    // content capture is off outside the agent
    assertThat(request.inputMessages()).isNull();
  }

  @Test
  void providersComeFromTheModelsModulePackage() {
    assertThat(SpringAiProviders.byClassName("org.springframework.ai.openai.OpenAiChatModel"))
        .isEqualTo("openai");
    assertThat(
            SpringAiProviders.byClassName(
                "org.springframework.ai.openai.OpenAiChatModel$$SpringCGLIB$$0"))
        .isEqualTo("openai");
    assertThat(
            SpringAiProviders.byClassName(
                "org.springframework.ai.azure.openai.AzureOpenAiChatModel"))
        .isEqualTo("azure.ai.openai");
    assertThat(SpringAiProviders.byClassName("org.springframework.ai.openaisdk.OpenAiSdkChatModel"))
        .isEqualTo("openai");
    assertThat(SpringAiProviders.byClassName("org.springframework.ai.anthropic.AnthropicChatModel"))
        .isEqualTo("anthropic");
    assertThat(SpringAiProviders.byClassName("org.springframework.ai.ollama.OllamaEmbeddingModel"))
        .isEqualTo("ollama");
    assertThat(
            SpringAiProviders.byClassName(
                "org.springframework.ai.bedrock.converse.BedrockProxyChatModel"))
        .isEqualTo("aws.bedrock");
    assertThat(SpringAiProviders.byClassName("com.acme.MyChatModel")).isNull();
    assertThat(SpringAiProviders.of(DefaultsModel.class)).isEqualTo("_OTHER");
  }

  @Test
  void finishReasonsUseTheSemanticConventionsVocabulary() {
    assertThat(SpringAiFinishReasons.map("STOP")).isEqualTo("stop");
    assertThat(SpringAiFinishReasons.map("END_TURN")).isEqualTo("stop");
    assertThat(SpringAiFinishReasons.map("MAX_TOKENS")).isEqualTo("length");
    assertThat(SpringAiFinishReasons.map("length")).isEqualTo("length");
    assertThat(SpringAiFinishReasons.map("TOOL_CALLS")).isEqualTo("tool_call");
    assertThat(SpringAiFinishReasons.map("tool_use")).isEqualTo("tool_call");
    assertThat(SpringAiFinishReasons.map("SAFETY")).isEqualTo("content_filter");
    assertThat(SpringAiFinishReasons.map("Something_Else")).isEqualTo("something_else");
    assertThat(SpringAiFinishReasons.map("")).isNull();
    assertThat(SpringAiFinishReasons.map(null)).isNull();
  }

  /** The shape of OpenAI's native usage: Spring AI 1.1's own record and openai-java alike. */
  public static final class OpenAiNativeUsage {
    public Optional<Details> promptTokensDetails() {
      return Optional.of(new Details(5L, null));
    }

    public Details completionTokenDetails() {
      return new Details(null, 2L);
    }
  }

  public static final class Details {
    private final Long cached;
    private final Long reasoning;

    Details(Long cached, Long reasoning) {
      this.cached = cached;
      this.reasoning = reasoning;
    }

    public Long cachedTokens() {
      return cached;
    }

    public Optional<Long> reasoningTokens() {
      return Optional.ofNullable(reasoning);
    }
  }

  /** The shape of Anthropic's native usage (Spring AI 1.1's record). */
  public static final class AnthropicNativeUsage {
    public Integer cacheReadInputTokens() {
      return 100;
    }

    public Integer cacheCreationInputTokens() {
      return 20;
    }
  }

  @Test
  void responseHasIdModelFinishReasonsAndUsageWithNativeDetails() {
    ChatResponse result =
        new ChatResponse(
            Arrays.asList(
                new Generation(
                    new AssistantMessage("Hello"),
                    ChatGenerationMetadata.builder().finishReason("STOP").build()),
                new Generation(
                    new AssistantMessage("Hi"),
                    ChatGenerationMetadata.builder().finishReason("LENGTH").build())),
            ChatResponseMetadata.builder()
                .id("chatcmpl-1")
                .model("gpt-4o-2024-08-06")
                .usage(new DefaultUsage(21, 7, 28, new OpenAiNativeUsage()))
                .build());

    GenAiResponse response = SpringAiChat.response(result, "openai");

    assertThat(response.responseId()).isEqualTo("chatcmpl-1");
    assertThat(response.responseModel()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(response.finishReasons()).containsExactly("stop", "length");
    assertThat(response.inputTokens()).isEqualTo(21L);
    assertThat(response.outputTokens()).isEqualTo(7L);
    assertThat(response.cacheReadInputTokens()).isEqualTo(5L);
    assertThat(response.reasoningOutputTokens()).isEqualTo(2L);
    assertThat(response.outputMessages()).isNull();
  }

  @Test
  void anthropicsPromptTokensLeaveTheCacheOut() {
    GenAiResponse response = new GenAiResponse();
    SpringAiUsage.apply(
        new DefaultUsage(10, 5, 15, new AnthropicNativeUsage()), "anthropic", response);

    assertThat(response.inputTokens()).isEqualTo(130L);
    assertThat(response.cacheReadInputTokens()).isEqualTo(100L);
    assertThat(response.cacheCreationInputTokens()).isEqualTo(20L);
    assertThat(response.outputTokens()).isEqualTo(5L);
  }

  @Test
  void emptyUsageIsNoUsage() {
    GenAiResponse response = new GenAiResponse();
    SpringAiUsage.apply(new EmptyUsage(), "openai", response);
    assertThat(response.inputTokens()).isNull();
    assertThat(response.outputTokens()).isNull();
  }

  @Test
  void streamKeepsTheLargestUsageAndTheLastFinishReasonPerGeneration() {
    SpringAiChatStreamAccumulator accumulator = new SpringAiChatStreamAccumulator("openai", 0);
    List<ChatResponse> chunks =
        Arrays.asList(
            chunk("Hel", null, new EmptyUsage()),
            chunk("lo", null, null),
            chunk("", "STOP", null),
            chunk(null, null, new DefaultUsage(9, 3)));

    boolean[] output = new boolean[chunks.size()];
    for (int i = 0; i < chunks.size(); i++) {
      output[i] = accumulator.accept(chunks.get(i));
    }
    GenAiResponse response = accumulator.response();

    assertThat(output).containsExactly(true, true, false, false);
    assertThat(response.responseId()).isEqualTo("chatcmpl-s");
    assertThat(response.finishReasons()).containsExactly("stop");
    assertThat(response.inputTokens()).isEqualTo(9L);
    assertThat(response.outputTokens()).isEqualTo(3L);
  }

  private static ChatResponse chunk(
      String text, String finishReason, org.springframework.ai.chat.metadata.Usage usage) {
    ChatResponseMetadata.Builder metadata = ChatResponseMetadata.builder().id("chatcmpl-s");
    if (usage != null) {
      metadata.usage(usage);
    }
    List<Generation> generations =
        text == null
            ? Collections.<Generation>emptyList()
            : Collections.singletonList(
                new Generation(
                    new AssistantMessage(text),
                    ChatGenerationMetadata.builder().finishReason(finishReason).build()));
    return new ChatResponse(generations, metadata.build());
  }

  @Test
  void springAisDefaultErrorHandlerPutsTheStatusInTheMessage() {
    assertThat(
            SpringAiErrors.response(new TransientAiException("500 - {\"error\":{}}")).errorType())
        .isEqualTo("500");
    assertThat(
            SpringAiErrors.response(new NonTransientAiException("429 - Rate limit reached"))
                .errorType())
        .isEqualTo("rate_limited");
    assertThat(
            SpringAiErrors.response(
                    new IllegalStateException("wrapped", new NonTransientAiException("401 - no")))
                .errorType())
        .isEqualTo("401");
    assertThat(SpringAiErrors.response(new TransientAiException("I/O error"))).isNull();
    assertThat(SpringAiErrors.response(new IllegalStateException("500 - looks alike"))).isNull();
  }

  @Test
  void observationsOfOtherKindsOrOutsideAnyCallStayEnabled() {
    Object chatContext =
        org.springframework.ai.chat.observation.ChatModelObservationContext.builder()
            .prompt(new Prompt("hi"))
            .provider("openai")
            .build();
    // no GenAI call is current here
    assertThat(SpringAiObservations.enabled(true, chatContext)).isTrue();
    assertThat(SpringAiObservations.enabled(false, chatContext)).isFalse();
    assertThat(SpringAiObservations.enabled(true, null)).isTrue();
    assertThat(SpringAiObservations.enabled(true, new Object())).isTrue();
  }

  @Test
  void springAisModelObservationsGiveWayToOurCall() {
    Object chatContext =
        org.springframework.ai.chat.observation.ChatModelObservationContext.builder()
            .prompt(new Prompt("hi"))
            .provider("openai")
            .build();
    dev.llmobs.genai.GenAiCall call =
        dev.llmobs.genai.GenAiCall.start("test", new GenAiRequest("chat", "openai"));
    assertThat(call).isNotNull();
    try {
      assertThat(SpringAiObservations.enabled(true, chatContext)).isFalse();
      assertThat(SpringAiObservations.enabled(true, new Object())).isTrue();
    } finally {
      call.exit(null, null);
    }
    assertThat(SpringAiObservations.enabled(true, chatContext)).isTrue();
  }
}
