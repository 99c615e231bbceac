package dev.llmobs.instrumentation.springai.v1_1;

import dev.llmobs.genai.GenAiResponse;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.metadata.Usage;

/**
 * Spring AI's {@link Usage} in the semantic conventions' terms. Prompt and completion tokens come
 * from Spring AI; cache and reasoning tokens from its 2.0 accessors or, where it has none, from the
 * provider's native usage object Spring AI keeps (OpenAI's {@code prompt_tokens_details} and {@code
 * completion_tokens_details}, Anthropic's cache counts, Gemini's thoughts).
 */
final class SpringAiUsage {

  /** Puts {@code usage} on {@code response}; does nothing for an empty or absent usage. */
  static void apply(Usage usage, String provider, GenAiResponse response) {
    if (usage == null || usage instanceof EmptyUsage) {
      return;
    }
    Integer prompt = usage.getPromptTokens();
    Integer completion = usage.getCompletionTokens();
    if (prompt == null && completion == null) {
      return;
    }
    Object nativeUsage = usage.getNativeUsage();
    Long cacheRead = SpringAiReflection.number(usage, "getCacheReadInputTokens");
    if (cacheRead == null) {
      cacheRead = SpringAiReflection.number(nativeUsage, "promptTokensDetails", "cachedTokens");
    }
    if (cacheRead == null) {
      cacheRead = SpringAiReflection.number(nativeUsage, "cacheReadInputTokens");
    }
    if (cacheRead == null) {
      cacheRead = SpringAiReflection.number(nativeUsage, "cachedContentTokenCount");
    }
    Long cacheWrite = SpringAiReflection.number(usage, "getCacheWriteInputTokens");
    if (cacheWrite == null) {
      cacheWrite = SpringAiReflection.number(nativeUsage, "cacheCreationInputTokens");
    }
    Long output = completion == null ? null : completion.longValue();
    if (SpringAiProviders.countsCacheApart(provider) && prompt != null) {
      response.usageWithCacheApart(prompt, cacheRead, cacheWrite, output);
    } else {
      response
          .inputTokens(prompt == null ? null : prompt.longValue())
          .outputTokens(output)
          .cacheReadInputTokens(cacheRead)
          .cacheCreationInputTokens(cacheWrite);
    }
    response.reasoningOutputTokens(reasoning(nativeUsage));
  }

  private static Long reasoning(Object nativeUsage) {
    // openai-java and the OpenAI wire name; Spring AI 1.1's own OpenAI record drops the "s".
    Long reasoning =
        SpringAiReflection.number(nativeUsage, "completionTokensDetails", "reasoningTokens");
    if (reasoning == null) {
      reasoning =
          SpringAiReflection.number(nativeUsage, "completionTokenDetails", "reasoningTokens");
    }
    if (reasoning == null) {
      reasoning = SpringAiReflection.number(nativeUsage, "thoughtsTokenCount");
    }
    return reasoning;
  }

  private SpringAiUsage() {}
}
