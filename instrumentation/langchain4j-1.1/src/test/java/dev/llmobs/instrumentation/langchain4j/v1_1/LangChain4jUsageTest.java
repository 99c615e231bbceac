package dev.llmobs.instrumentation.langchain4j.v1_1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;
import dev.llmobs.genai.GenAiResponse;
import org.junit.jupiter.api.Test;

class LangChain4jUsageTest {

  static GenAiResponse usage(TokenUsage usage) {
    GenAiResponse response = new GenAiResponse();
    LangChain4jUsage.apply(usage, response);
    return response;
  }

  @Test
  void plainUsageIsTakenAsIs() {
    GenAiResponse response = usage(new TokenUsage(12, 5));
    assertThat(response.inputTokens()).isEqualTo(12L);
    assertThat(response.outputTokens()).isEqualTo(5L);
    assertThat(response.cacheReadInputTokens()).isNull();
    assertThat(response.reasoningOutputTokens()).isNull();
  }

  @Test
  void openAiCountsCachedInInputAndReasoningInOutputAlready() {
    GenAiResponse response =
        usage(
            OpenAiTokenUsage.builder()
                .inputTokenCount(1000)
                .outputTokenCount(500)
                .inputTokensDetails(
                    OpenAiTokenUsage.InputTokensDetails.builder().cachedTokens(200).build())
                .outputTokensDetails(
                    OpenAiTokenUsage.OutputTokensDetails.builder().reasoningTokens(120).build())
                .build());
    assertThat(response.inputTokens()).isEqualTo(1000L);
    assertThat(response.cacheReadInputTokens()).isEqualTo(200L);
    assertThat(response.outputTokens()).isEqualTo(500L);
    assertThat(response.reasoningOutputTokens()).isEqualTo(120L);
  }

  @Test
  void anthropicCountsCacheApartSoTheInputIsTheSum() {
    GenAiResponse response =
        usage(
            AnthropicTokenUsage.builder()
                .inputTokenCount(120)
                .outputTokenCount(10)
                .cacheReadInputTokens(50)
                .cacheCreationInputTokens(30)
                .build());
    assertThat(response.inputTokens()).isEqualTo(200L);
    assertThat(response.cacheReadInputTokens()).isEqualTo(50L);
    assertThat(response.cacheCreationInputTokens()).isEqualTo(30L);
    assertThat(response.outputTokens()).isEqualTo(10L);
  }

  @Test
  void anthropicWithoutCachingIsPlain() {
    GenAiResponse response =
        usage(AnthropicTokenUsage.builder().inputTokenCount(7).outputTokenCount(3).build());
    assertThat(response.inputTokens()).isEqualTo(7L);
    assertThat(response.cacheReadInputTokens()).isNull();
    assertThat(response.cacheCreationInputTokens()).isNull();
  }

  @Test
  void bedrockWritesAreCacheCreation() {
    GenAiResponse response = usage(new BedrockLike(100, 20, 40, 10));
    assertThat(response.inputTokens()).isEqualTo(150L);
    assertThat(response.cacheReadInputTokens()).isEqualTo(40L);
    assertThat(response.cacheCreationInputTokens()).isEqualTo(10L);
  }

  @Test
  void geminiThoughtsAreAddedToTheOutput() {
    GenAiResponse response = usage(new GeminiLike(300, 40, 100, 25));
    assertThat(response.inputTokens()).isEqualTo(300L);
    assertThat(response.cacheReadInputTokens()).isEqualTo(100L);
    assertThat(response.outputTokens()).isEqualTo(65L);
    assertThat(response.reasoningOutputTokens()).isEqualTo(25L);
  }

  @Test
  void noUsageIsNoUsage() {
    GenAiResponse response = usage(null);
    assertThat(response.inputTokens()).isNull();
    assertThat(response.outputTokens()).isNull();
  }

  /** The accessors of langchain4j-bedrock's BedrockTokenUsage. */
  public static final class BedrockLike extends TokenUsage {
    private final int read;
    private final int write;

    BedrockLike(int input, int output, int read, int write) {
      super(input, output);
      this.read = read;
      this.write = write;
    }

    public Integer cacheReadInputTokens() {
      return read;
    }

    public Integer cacheWriteInputTokens() {
      return write;
    }
  }

  /** The accessors of langchain4j-google-ai-gemini's GoogleAiGeminiTokenUsage. */
  public static final class GeminiLike extends TokenUsage {
    private final int cached;
    private final int thoughts;

    GeminiLike(int input, int output, int cached, int thoughts) {
      super(input, output);
      this.cached = cached;
      this.thoughts = thoughts;
    }

    public Integer cachedContentTokenCount() {
      return cached;
    }

    public Integer thoughtsTokenCount() {
      return thoughts;
    }
  }
}
