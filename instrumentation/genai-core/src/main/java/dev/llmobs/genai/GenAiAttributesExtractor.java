package dev.llmobs.genai;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;

/** Writes the neutral request and response views as GenAI semantic-convention attributes. */
final class GenAiAttributesExtractor implements AttributesExtractor<GenAiRequest, GenAiResponse> {

  @Override
  public void onStart(AttributesBuilder attributes, Context parentContext, GenAiRequest request) {
    put(attributes, GenAiSemconv.OPERATION_NAME, request.operationName());
    put(attributes, GenAiSemconv.PROVIDER_NAME, request.providerName());
    put(attributes, GenAiSemconv.REQUEST_MODEL, request.requestModel());
    put(attributes, GenAiSemconv.REQUEST_STREAM, request.stream());
    put(attributes, GenAiSemconv.REQUEST_TEMPERATURE, request.temperature());
    put(attributes, GenAiSemconv.REQUEST_TOP_P, request.topP());
    put(attributes, GenAiSemconv.REQUEST_TOP_K, request.topK());
    put(attributes, GenAiSemconv.REQUEST_MAX_TOKENS, request.maxTokens());
    put(attributes, GenAiSemconv.REQUEST_SEED, request.seed());
    put(attributes, GenAiSemconv.REQUEST_STOP_SEQUENCES, request.stopSequences());
    put(attributes, GenAiSemconv.REQUEST_CHOICE_COUNT, request.choiceCount());
    put(attributes, GenAiSemconv.REQUEST_FREQUENCY_PENALTY, request.frequencyPenalty());
    put(attributes, GenAiSemconv.REQUEST_PRESENCE_PENALTY, request.presencePenalty());
    put(attributes, GenAiSemconv.CONVERSATION_ID, request.conversationId());
    put(attributes, GenAiSemconv.EMBEDDINGS_DIMENSION_COUNT, request.dimensionCount());
    put(attributes, GenAiSemconv.REQUEST_ENCODING_FORMATS, request.encodingFormats());
    put(attributes, GenAiSemconv.INPUT_MESSAGES, request.inputMessages());
    put(attributes, GenAiSemconv.TOOL_DEFINITIONS, request.toolDefinitions());
    put(attributes, GenAiSemconv.SERVER_ADDRESS, request.serverAddress());
    put(attributes, GenAiSemconv.SERVER_PORT, request.serverPort());
  }

  @Override
  public void onEnd(
      AttributesBuilder attributes,
      Context context,
      GenAiRequest request,
      GenAiResponse response,
      Throwable error) {
    // GenAiCall.end gives every failed call a response carrying its error.type.
    if (response == null) {
      return;
    }
    put(attributes, GenAiSemconv.RESPONSE_ID, response.responseId());
    put(attributes, GenAiSemconv.RESPONSE_MODEL, response.responseModel());
    put(attributes, GenAiSemconv.RESPONSE_FINISH_REASONS, response.finishReasons());
    put(attributes, GenAiSemconv.USAGE_INPUT_TOKENS, response.inputTokens());
    put(attributes, GenAiSemconv.USAGE_OUTPUT_TOKENS, response.outputTokens());
    put(attributes, GenAiSemconv.USAGE_CACHE_READ_INPUT_TOKENS, response.cacheReadInputTokens());
    put(
        attributes,
        GenAiSemconv.USAGE_CACHE_CREATION_INPUT_TOKENS,
        response.cacheCreationInputTokens());
    put(attributes, GenAiSemconv.USAGE_REASONING_OUTPUT_TOKENS, response.reasoningOutputTokens());
    put(attributes, GenAiSemconv.RESPONSE_TIME_TO_FIRST_CHUNK, response.timeToFirstChunkSeconds());
    put(attributes, GenAiSemconv.RESPONSE_CHUNK_COUNT, response.chunkCount());
    put(attributes, GenAiSemconv.OUTPUT_MESSAGES, response.outputMessages());
    put(attributes, GenAiSemconv.ERROR_TYPE, response.errorType());
  }

  private static <T> void put(AttributesBuilder attributes, AttributeKey<T> key, T value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }
}
