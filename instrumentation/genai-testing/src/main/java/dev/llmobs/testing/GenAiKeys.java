package dev.llmobs.testing;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * Attribute names for the agent tests, spelled out here rather than taken from our constants class,
 * which is (on purpose) not on an agent test's classpath: the tests pin the wire names
 * independently.
 */
public final class GenAiKeys {
  public static final AttributeKey<String> OPERATION =
      AttributeKey.stringKey("gen_ai.operation.name");
  public static final AttributeKey<String> PROVIDER =
      AttributeKey.stringKey("gen_ai.provider.name");
  public static final AttributeKey<String> REQUEST_MODEL =
      AttributeKey.stringKey("gen_ai.request.model");
  public static final AttributeKey<String> RESPONSE_MODEL =
      AttributeKey.stringKey("gen_ai.response.model");
  public static final AttributeKey<String> RESPONSE_ID =
      AttributeKey.stringKey("gen_ai.response.id");
  public static final AttributeKey<List<String>> FINISH_REASONS =
      AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
  public static final AttributeKey<Long> INPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.input_tokens");
  public static final AttributeKey<Long> OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.output_tokens");
  public static final AttributeKey<Long> CACHE_CREATION =
      AttributeKey.longKey("gen_ai.usage.cache_creation.input_tokens");
  public static final AttributeKey<Long> CACHE_READ =
      AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens");
  public static final AttributeKey<Long> REASONING =
      AttributeKey.longKey("gen_ai.usage.reasoning.output_tokens");
  public static final AttributeKey<Boolean> STREAM =
      AttributeKey.booleanKey("gen_ai.request.stream");
  public static final AttributeKey<Double> TEMPERATURE =
      AttributeKey.doubleKey("gen_ai.request.temperature");
  public static final AttributeKey<Double> TOP_P = AttributeKey.doubleKey("gen_ai.request.top_p");
  public static final AttributeKey<Long> MAX_TOKENS =
      AttributeKey.longKey("gen_ai.request.max_tokens");
  public static final AttributeKey<Long> SEED = AttributeKey.longKey("gen_ai.request.seed");
  public static final AttributeKey<Long> CHOICE_COUNT =
      AttributeKey.longKey("gen_ai.request.choice.count");
  public static final AttributeKey<Double> FREQUENCY_PENALTY =
      AttributeKey.doubleKey("gen_ai.request.frequency_penalty");
  public static final AttributeKey<Double> PRESENCE_PENALTY =
      AttributeKey.doubleKey("gen_ai.request.presence_penalty");
  public static final AttributeKey<List<String>> STOP =
      AttributeKey.stringArrayKey("gen_ai.request.stop_sequences");
  public static final AttributeKey<String> CONVERSATION_ID =
      AttributeKey.stringKey("gen_ai.conversation.id");
  public static final AttributeKey<Double> TIME_TO_FIRST_CHUNK =
      AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk");
  public static final AttributeKey<Long> CHUNK_COUNT =
      AttributeKey.longKey("gen_ai.response.chunk_count");
  public static final AttributeKey<Long> DIMENSIONS =
      AttributeKey.longKey("gen_ai.embeddings.dimension.count");
  public static final AttributeKey<List<String>> ENCODING_FORMATS =
      AttributeKey.stringArrayKey("gen_ai.request.encoding_formats");
  public static final AttributeKey<String> INPUT_MESSAGES =
      AttributeKey.stringKey("gen_ai.input.messages");
  public static final AttributeKey<String> OUTPUT_MESSAGES =
      AttributeKey.stringKey("gen_ai.output.messages");
  public static final AttributeKey<String> SERVER_ADDRESS =
      AttributeKey.stringKey("server.address");
  public static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  public static final AttributeKey<String> TOKEN_TYPE = AttributeKey.stringKey("gen_ai.token.type");
  // Added by the extension's cost span processor to every priced GenAI span.
  public static final AttributeKey<Double> COST =
      AttributeKey.doubleKey("gen_ai.usage.cost.amount");
  public static final AttributeKey<String> COST_CURRENCY =
      AttributeKey.stringKey("gen_ai.usage.cost.currency");
  public static final AttributeKey<String> COST_SOURCE =
      AttributeKey.stringKey("gen_ai.usage.cost.source");

  // Store spans (llmobs' own names).
  public static final AttributeKey<String> STORE_OPERATION =
      AttributeKey.stringKey("llmobs.store.operation");
  public static final AttributeKey<String> STORE_NAME = AttributeKey.stringKey("llmobs.store.name");
  public static final AttributeKey<String> STORE_BACKEND =
      AttributeKey.stringKey("llmobs.store.backend");
  public static final AttributeKey<Long> STORE_MESSAGE_COUNT =
      AttributeKey.longKey("llmobs.store.message_count");
  public static final AttributeKey<String> CACHE_RESULT =
      AttributeKey.stringKey("llmobs.cache.result");
  // Request totals on the local root span.
  public static final AttributeKey<Long> REQUEST_CALLS =
      AttributeKey.longKey("llmobs.request.gen_ai.calls");
  public static final AttributeKey<Long> REQUEST_INPUT_TOKENS =
      AttributeKey.longKey("llmobs.request.gen_ai.usage.input_tokens");
  public static final AttributeKey<Long> REQUEST_OUTPUT_TOKENS =
      AttributeKey.longKey("llmobs.request.gen_ai.usage.output_tokens");
  public static final AttributeKey<Double> REQUEST_COST =
      AttributeKey.doubleKey("llmobs.request.gen_ai.usage.cost.amount");
  // Agents and tools.
  public static final AttributeKey<String> TOOL_DEFINITIONS =
      AttributeKey.stringKey("gen_ai.tool.definitions");
  public static final AttributeKey<String> AGENT_NAME = AttributeKey.stringKey("gen_ai.agent.name");
  public static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
  public static final AttributeKey<String> TOOL_CALL_ID =
      AttributeKey.stringKey("gen_ai.tool.call.id");
  public static final AttributeKey<String> TOOL_TYPE = AttributeKey.stringKey("gen_ai.tool.type");
  public static final AttributeKey<String> TOOL_DESCRIPTION =
      AttributeKey.stringKey("gen_ai.tool.description");
  public static final AttributeKey<String> TOOL_CALL_ARGUMENTS =
      AttributeKey.stringKey("gen_ai.tool.call.arguments");
  public static final AttributeKey<String> TOOL_CALL_RESULT =
      AttributeKey.stringKey("gen_ai.tool.call.result");

  private GenAiKeys() {}
}
