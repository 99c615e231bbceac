package dev.llmobs.instrumentation.langchain4j.v1_1;

import dev.langchain4j.model.output.TokenUsage;
import dev.llmobs.genai.GenAiResponse;
import java.lang.reflect.Method;

/**
 * Token usage from LangChain4j's {@code TokenUsage}, normalised the semantic-convention way (input
 * includes cached tokens, output includes reasoning tokens). The provider modules subclass {@code
 * TokenUsage} with their own details, each counting the way its provider does; they are read by
 * accessor name (the provider modules are not on this module's class path, and their versions vary
 * independently of the core's):
 *
 * <ul>
 *   <li>OpenAI ({@code OpenAiTokenUsage}, {@code OpenAiOfficialTokenUsage}): {@code
 *       inputTokensDetails().cachedTokens()} is part of the input, {@code
 *       outputTokensDetails().reasoningTokens()} part of the output, as the span wants them;
 *   <li>Anthropic ({@code AnthropicTokenUsage}: {@code cacheReadInputTokens()}, {@code
 *       cacheCreationInputTokens()}) and Bedrock ({@code BedrockTokenUsage}: {@code
 *       cacheReadInputTokens()}, {@code cacheWriteInputTokens()}) count cached input apart from the
 *       input count, so the span's input is their sum;
 *   <li>Gemini ({@code GoogleAiGeminiTokenUsage}): {@code cachedContentTokenCount()} is part of the
 *       input, while {@code thoughtsTokenCount()} is not part of the output count and is added.
 * </ul>
 */
final class LangChain4jUsage {

  private static final ClassValue<Method> INPUT_DETAILS =
      LangChain4jModels.method("inputTokensDetails");
  private static final ClassValue<Method> OUTPUT_DETAILS =
      LangChain4jModels.method("outputTokensDetails");
  private static final ClassValue<Method> CACHED_TOKENS = LangChain4jModels.method("cachedTokens");
  private static final ClassValue<Method> REASONING_TOKENS =
      LangChain4jModels.method("reasoningTokens");
  private static final ClassValue<Method> CACHE_READ =
      LangChain4jModels.method("cacheReadInputTokens");
  private static final ClassValue<Method> CACHE_CREATION =
      LangChain4jModels.method("cacheCreationInputTokens");
  private static final ClassValue<Method> CACHE_WRITE =
      LangChain4jModels.method("cacheWriteInputTokens");
  private static final ClassValue<Method> CACHED_CONTENT =
      LangChain4jModels.method("cachedContentTokenCount");
  private static final ClassValue<Method> THOUGHTS = LangChain4jModels.method("thoughtsTokenCount");

  /** Sets the usage of {@code usage} (may be null) on {@code response}. */
  static void apply(TokenUsage usage, GenAiResponse response) {
    if (usage == null) {
      return;
    }
    Long input = toLong(usage.inputTokenCount());
    Long output = toLong(usage.outputTokenCount());
    Long cacheRead = number(usage, CACHE_READ);
    Long cacheCreation = number(usage, CACHE_CREATION);
    if (cacheCreation == null) {
      cacheCreation = number(usage, CACHE_WRITE);
    }
    if (input != null && (cacheRead != null || cacheCreation != null)) {
      response.usageWithCacheApart(input, cacheRead, cacheCreation, output);
      return;
    }
    Object inputDetails = LangChain4jModels.call(usage, INPUT_DETAILS);
    Object outputDetails = LangChain4jModels.call(usage, OUTPUT_DETAILS);
    Long reasoning = number(outputDetails, REASONING_TOKENS);
    cacheRead = number(inputDetails, CACHED_TOKENS);
    Long thoughts = number(usage, THOUGHTS);
    if (thoughts != null) {
      reasoning = thoughts;
      output = output == null ? thoughts : output + thoughts;
    }
    if (cacheRead == null) {
      cacheRead = number(usage, CACHED_CONTENT);
    }
    response
        .inputTokens(input)
        .outputTokens(output)
        .cacheReadInputTokens(cacheRead)
        .reasoningOutputTokens(reasoning);
  }

  private static Long number(Object target, ClassValue<Method> accessor) {
    Object value = LangChain4jModels.call(target, accessor);
    return value instanceof Number ? ((Number) value).longValue() : null;
  }

  static Long toLong(Integer value) {
    return value == null ? null : value.longValue();
  }

  private LangChain4jUsage() {}
}
