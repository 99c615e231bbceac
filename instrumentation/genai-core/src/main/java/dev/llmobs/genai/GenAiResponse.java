package dev.llmobs.genai;

import java.util.List;

/**
 * The provider-neutral view of how one GenAI call ended. Token counts are normalised the
 * semantic-convention way by the provider mapper: input includes cached tokens, output includes
 * reasoning tokens.
 */
public final class GenAiResponse {

  private String responseId;
  private String responseModel;
  private List<String> finishReasons;
  private Long inputTokens;
  private Long outputTokens;
  private Long cacheReadInputTokens;
  private Long cacheCreationInputTokens;
  private Long reasoningOutputTokens;
  private String errorType;
  private Double timeToFirstChunkSeconds;
  private Long chunkCount;
  private String outputMessages;

  public String responseId() {
    return responseId;
  }

  public GenAiResponse responseId(String responseId) {
    this.responseId = GenAiStrings.cap(responseId);
    return this;
  }

  public String responseModel() {
    return responseModel;
  }

  public GenAiResponse responseModel(String responseModel) {
    this.responseModel = GenAiStrings.cap(responseModel);
    return this;
  }

  public List<String> finishReasons() {
    return finishReasons;
  }

  public GenAiResponse finishReasons(List<String> finishReasons) {
    this.finishReasons = GenAiStrings.cap(finishReasons);
    return this;
  }

  public Long inputTokens() {
    return inputTokens;
  }

  public GenAiResponse inputTokens(Long inputTokens) {
    this.inputTokens = inputTokens;
    return this;
  }

  public Long outputTokens() {
    return outputTokens;
  }

  public GenAiResponse outputTokens(Long outputTokens) {
    this.outputTokens = outputTokens;
    return this;
  }

  /**
   * Usage as reported by providers that count cached input apart (Anthropic): {@code input}
   * excludes the cache reads and writes, which the semantic conventions' input count includes.
   */
  public GenAiResponse usageWithCacheApart(
      long input, Long cacheRead, Long cacheCreation, Long output) {
    long read = cacheRead == null ? 0 : cacheRead;
    long creation = cacheCreation == null ? 0 : cacheCreation;
    this.inputTokens = input + read + creation;
    this.cacheReadInputTokens = cacheRead;
    this.cacheCreationInputTokens = cacheCreation;
    this.outputTokens = output;
    return this;
  }

  public Long cacheReadInputTokens() {
    return cacheReadInputTokens;
  }

  public GenAiResponse cacheReadInputTokens(Long cacheReadInputTokens) {
    this.cacheReadInputTokens = cacheReadInputTokens;
    return this;
  }

  public Long cacheCreationInputTokens() {
    return cacheCreationInputTokens;
  }

  public GenAiResponse cacheCreationInputTokens(Long cacheCreationInputTokens) {
    this.cacheCreationInputTokens = cacheCreationInputTokens;
    return this;
  }

  public Long reasoningOutputTokens() {
    return reasoningOutputTokens;
  }

  public GenAiResponse reasoningOutputTokens(Long reasoningOutputTokens) {
    this.reasoningOutputTokens = reasoningOutputTokens;
    return this;
  }

  public String errorType() {
    return errorType;
  }

  public GenAiResponse errorType(String errorType) {
    this.errorType = GenAiStrings.cap(errorType);
    return this;
  }

  public Double timeToFirstChunkSeconds() {
    return timeToFirstChunkSeconds;
  }

  public Long chunkCount() {
    return chunkCount;
  }

  /** Streaming timing, filled in by {@link GenAiStream}. */
  GenAiResponse streamTiming(Double timeToFirstChunkSeconds, long chunkCount) {
    this.timeToFirstChunkSeconds = timeToFirstChunkSeconds;
    this.chunkCount = chunkCount;
    return this;
  }

  /** Captured output messages as semantic-convention JSON; set only when capture is enabled. */
  public String outputMessages() {
    return outputMessages;
  }

  public GenAiResponse outputMessages(String outputMessages) {
    this.outputMessages = outputMessages;
    return this;
  }
}
