package dev.llmobs.genai;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * Every OpenTelemetry GenAI semantic-convention name that llmobs reads or writes: attribute keys,
 * metric names, operation and provider values. Local copies on purpose: the semconv artifact's
 * GenAI constants are deprecated and move between releases.
 */
public final class GenAiSemconv {

  // Operation and provider attributes.
  public static final AttributeKey<String> OPERATION_NAME =
      AttributeKey.stringKey("gen_ai.operation.name");
  public static final AttributeKey<String> PROVIDER_NAME =
      AttributeKey.stringKey("gen_ai.provider.name");
  public static final AttributeKey<String> CONVERSATION_ID =
      AttributeKey.stringKey("gen_ai.conversation.id");

  // Request attributes.
  public static final AttributeKey<String> REQUEST_MODEL =
      AttributeKey.stringKey("gen_ai.request.model");
  public static final AttributeKey<Double> REQUEST_TEMPERATURE =
      AttributeKey.doubleKey("gen_ai.request.temperature");
  public static final AttributeKey<Double> REQUEST_TOP_P =
      AttributeKey.doubleKey("gen_ai.request.top_p");
  public static final AttributeKey<Double> REQUEST_TOP_K =
      AttributeKey.doubleKey("gen_ai.request.top_k");
  public static final AttributeKey<Long> REQUEST_MAX_TOKENS =
      AttributeKey.longKey("gen_ai.request.max_tokens");
  public static final AttributeKey<Long> REQUEST_SEED = AttributeKey.longKey("gen_ai.request.seed");
  public static final AttributeKey<List<String>> REQUEST_STOP_SEQUENCES =
      AttributeKey.stringArrayKey("gen_ai.request.stop_sequences");
  public static final AttributeKey<Long> REQUEST_CHOICE_COUNT =
      AttributeKey.longKey("gen_ai.request.choice.count");
  public static final AttributeKey<Double> REQUEST_FREQUENCY_PENALTY =
      AttributeKey.doubleKey("gen_ai.request.frequency_penalty");
  public static final AttributeKey<Double> REQUEST_PRESENCE_PENALTY =
      AttributeKey.doubleKey("gen_ai.request.presence_penalty");
  public static final AttributeKey<Boolean> REQUEST_STREAM =
      AttributeKey.booleanKey("gen_ai.request.stream");
  public static final AttributeKey<List<String>> REQUEST_ENCODING_FORMATS =
      AttributeKey.stringArrayKey("gen_ai.request.encoding_formats");

  // Response attributes.
  public static final AttributeKey<String> RESPONSE_ID =
      AttributeKey.stringKey("gen_ai.response.id");
  public static final AttributeKey<String> RESPONSE_MODEL =
      AttributeKey.stringKey("gen_ai.response.model");
  public static final AttributeKey<List<String>> RESPONSE_FINISH_REASONS =
      AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
  public static final AttributeKey<Double> RESPONSE_TIME_TO_FIRST_CHUNK =
      AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk");
  // Not (yet) in the semantic conventions: how many output chunks a streamed response had.
  public static final AttributeKey<Long> RESPONSE_CHUNK_COUNT =
      AttributeKey.longKey("gen_ai.response.chunk_count");
  public static final AttributeKey<Long> EMBEDDINGS_DIMENSION_COUNT =
      AttributeKey.longKey("gen_ai.embeddings.dimension.count");

  // Usage attributes. input_tokens includes cached tokens; reasoning tokens are part of output.
  public static final AttributeKey<Long> USAGE_INPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.input_tokens");
  public static final AttributeKey<Long> USAGE_OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.output_tokens");
  public static final AttributeKey<Long> USAGE_CACHE_READ_INPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens");
  public static final AttributeKey<Long> USAGE_CACHE_CREATION_INPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.cache_creation.input_tokens");
  public static final AttributeKey<Long> USAGE_REASONING_OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.reasoning.output_tokens");

  // Content capture (opt-in only).
  public static final AttributeKey<String> INPUT_MESSAGES =
      AttributeKey.stringKey("gen_ai.input.messages");
  public static final AttributeKey<String> OUTPUT_MESSAGES =
      AttributeKey.stringKey("gen_ai.output.messages");
  public static final AttributeKey<String> TOOL_DEFINITIONS =
      AttributeKey.stringKey("gen_ai.tool.definitions");
  public static final AttributeKey<String> TOOL_CALL_ARGUMENTS =
      AttributeKey.stringKey("gen_ai.tool.call.arguments");
  public static final AttributeKey<String> TOOL_CALL_RESULT =
      AttributeKey.stringKey("gen_ai.tool.call.result");

  // Agent and tool attributes (invoke_agent and execute_tool spans).
  public static final AttributeKey<String> AGENT_NAME = AttributeKey.stringKey("gen_ai.agent.name");
  public static final AttributeKey<String> AGENT_ID = AttributeKey.stringKey("gen_ai.agent.id");
  public static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
  public static final AttributeKey<String> TOOL_CALL_ID =
      AttributeKey.stringKey("gen_ai.tool.call.id");
  public static final AttributeKey<String> TOOL_TYPE = AttributeKey.stringKey("gen_ai.tool.type");
  public static final AttributeKey<String> TOOL_DESCRIPTION =
      AttributeKey.stringKey("gen_ai.tool.description");
  // gen_ai.tool.type values: a tool the application runs itself (an @Tool method, say).
  public static final String TOOL_TYPE_FUNCTION = "function";

  // Metric-only attribute.
  public static final AttributeKey<String> TOKEN_TYPE = AttributeKey.stringKey("gen_ai.token.type");
  public static final String TOKEN_TYPE_INPUT = "input";
  public static final String TOKEN_TYPE_OUTPUT = "output";

  // General semantic-convention attributes used on GenAI spans.
  public static final AttributeKey<String> SERVER_ADDRESS =
      AttributeKey.stringKey("server.address");
  public static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  // gen_ai.operation.name values.
  public static final String OPERATION_CHAT = "chat";
  public static final String OPERATION_EMBEDDINGS = "embeddings";
  public static final String OPERATION_INVOKE_AGENT = "invoke_agent";
  public static final String OPERATION_EXECUTE_TOOL = "execute_tool";

  /**
   * Whether {@code operation} is an agent or tool operation (invoke_agent, execute_tool), which
   * runs inference calls rather than being one: it has no tokens or cost of its own.
   */
  public static boolean isAgentOperation(String operation) {
    return OPERATION_INVOKE_AGENT.equals(operation) || OPERATION_EXECUTE_TOOL.equals(operation);
  }

  // gen_ai.provider.name values: the registry's well-known ones, then custom values of ours for
  // providers the registry does not list (it allows them when no well-known value applies).
  public static final String PROVIDER_OPENAI = "openai";
  public static final String PROVIDER_ANTHROPIC = "anthropic";
  public static final String PROVIDER_AZURE_OPENAI = "azure.ai.openai";
  public static final String PROVIDER_AZURE_AI_INFERENCE = "azure.ai.inference";
  public static final String PROVIDER_AWS_BEDROCK = "aws.bedrock";
  // The generativelanguage.googleapis.com endpoint (AI Studio).
  public static final String PROVIDER_GCP_GEMINI = "gcp.gemini";
  // The aiplatform.googleapis.com endpoint.
  public static final String PROVIDER_GCP_VERTEX_AI = "gcp.vertex_ai";
  // Any Google generative AI endpoint, when which one is unknown.
  public static final String PROVIDER_GCP_GEN_AI = "gcp.gen_ai";
  public static final String PROVIDER_MISTRAL_AI = "mistral_ai";
  public static final String PROVIDER_COHERE = "cohere";
  public static final String PROVIDER_IBM_WATSONX_AI = "ibm.watsonx.ai";
  public static final String PROVIDER_OLLAMA = "ollama";
  // A provider no instrumentation could name (such as an application's own model class).
  public static final String PROVIDER_OTHER = "_OTHER";

  // gen_ai.response.finish_reasons values for frameworks that normalise them (the provider SDK
  // modules pass on the provider's own values, as the conventions show them).
  public static final String FINISH_STOP = "stop";
  public static final String FINISH_LENGTH = "length";
  public static final String FINISH_CONTENT_FILTER = "content_filter";
  public static final String FINISH_TOOL_CALL = "tool_call";
  public static final String FINISH_ERROR = "error";

  // error.type values of our own for failures that have no better low-cardinality name.
  public static final String ERROR_RATE_LIMITED = "rate_limited";
  public static final String ERROR_TIMEOUT = "timeout";
  public static final String ERROR_CANCELLED = "cancelled";
  // A stream (or raw response) the application neither consumed to its end nor closed: it became
  // unreachable, or stayed idle beyond the configured limit.
  public static final String ERROR_ABANDONED = "abandoned";
  public static final String ERROR_OTHER = "_OTHER";

  // Metric names.
  public static final String METRIC_TOKEN_USAGE = "gen_ai.client.token.usage";
  public static final String METRIC_OPERATION_DURATION = "gen_ai.client.operation.duration";
  public static final String METRIC_TIME_TO_FIRST_CHUNK =
      "gen_ai.client.operation.time_to_first_chunk";
  public static final String METRIC_TIME_PER_OUTPUT_CHUNK =
      "gen_ai.client.operation.time_per_output_chunk";
  // Ours, beside the semantic conventions' metrics.
  public static final String METRIC_CHUNKS = "gen_ai.client.operation.chunks";
  public static final String METRIC_ACTIVE_REQUESTS = "gen_ai.client.active_requests";
  public static final String METRIC_TOKEN_CACHE_READ = "gen_ai.client.token.cache_read";
  // Failures of llmobs' own instrumentation code (never the application's), by module.
  public static final String METRIC_INSTRUMENTATION_FAILURES = "llmobs.instrumentation.failures";
  public static final AttributeKey<String> LLMOBS_MODULE = AttributeKey.stringKey("llmobs.module");

  // Exception event attributes (written by hand when content capture is off, see GenAiErrors).
  public static final AttributeKey<String> EXCEPTION_TYPE =
      AttributeKey.stringKey("exception.type");
  public static final AttributeKey<String> EXCEPTION_MESSAGE =
      AttributeKey.stringKey("exception.message");
  public static final AttributeKey<String> EXCEPTION_STACKTRACE =
      AttributeKey.stringKey("exception.stacktrace");

  // ---- MCP (Model Context Protocol): the semantic conventions' MCP spans and metrics. ----

  public static final AttributeKey<String> MCP_METHOD_NAME =
      AttributeKey.stringKey("mcp.method.name");
  public static final AttributeKey<String> MCP_SESSION_ID =
      AttributeKey.stringKey("mcp.session.id");
  public static final AttributeKey<String> MCP_PROTOCOL_VERSION =
      AttributeKey.stringKey("mcp.protocol.version");
  public static final AttributeKey<String> MCP_RESOURCE_URI =
      AttributeKey.stringKey("mcp.resource.uri");
  public static final AttributeKey<String> JSONRPC_REQUEST_ID =
      AttributeKey.stringKey("jsonrpc.request.id");
  public static final AttributeKey<String> RPC_RESPONSE_STATUS_CODE =
      AttributeKey.stringKey("rpc.response.status_code");
  // gen_ai.tool.name, gen_ai.tool.call.arguments and .result: the agent and tool names above.
  public static final AttributeKey<String> PROMPT_NAME =
      AttributeKey.stringKey("gen_ai.prompt.name");
  public static final AttributeKey<String> NETWORK_TRANSPORT =
      AttributeKey.stringKey("network.transport");
  public static final AttributeKey<String> NETWORK_PROTOCOL_NAME =
      AttributeKey.stringKey("network.protocol.name");
  public static final AttributeKey<String> NETWORK_PROTOCOL_VERSION =
      AttributeKey.stringKey("network.protocol.version");

  public static final String MCP_METHOD_TOOLS_CALL = "tools/call";
  public static final String MCP_METHOD_PROMPTS_GET = "prompts/get";
  public static final String MCP_METHOD_INITIALIZE = "initialize";
  // error.type of a tools/call whose CallToolResult has isError=true.
  public static final String ERROR_TOOL_ERROR = "tool_error";
  public static final String NETWORK_TRANSPORT_PIPE = "pipe";
  public static final String NETWORK_TRANSPORT_TCP = "tcp";
  public static final String NETWORK_PROTOCOL_HTTP = "http";

  public static final String METRIC_MCP_CLIENT_OPERATION_DURATION = "mcp.client.operation.duration";
  public static final String METRIC_MCP_SERVER_OPERATION_DURATION = "mcp.server.operation.duration";

  private GenAiSemconv() {}

  // Cost and usage events: written by the cost span processor of genai-cost.

  /** The pre-1.37 provider attribute; some upstream instrumentations still write it. */
  public static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("gen_ai.system");

  public static final AttributeKey<Double> USAGE_COST_AMOUNT =
      AttributeKey.doubleKey("gen_ai.usage.cost.amount");
  public static final AttributeKey<String> USAGE_COST_CURRENCY =
      AttributeKey.stringKey("gen_ai.usage.cost.currency");
  public static final AttributeKey<String> USAGE_COST_SOURCE =
      AttributeKey.stringKey("gen_ai.usage.cost.source");
  public static final String COST_CURRENCY_USD = "USD";

  /** Computed in this process from the price catalog (not reported by the provider). */
  public static final String COST_SOURCE_LOCAL = "local";

  public static final String METRIC_COST = "gen_ai.client.cost";
  public static final String METRIC_OPERATION_COST = "gen_ai.client.operation.cost";
  public static final String METRIC_COST_UNPRICED = "gen_ai.client.cost.unpriced";
  public static final String METRIC_USAGE_EVENTS_DROPPED = "llmobs.usage.events.dropped";
  public static final String EVENT_USAGE = "gen_ai.usage";

  // Conversation and chat-memory stores: INTERNAL spans "{operation} {store}" of our own (no
  // semantic convention covers stores yet). Never gen_ai.operation.name: that marks a GenAI call.
  public static final AttributeKey<String> STORE_OPERATION =
      AttributeKey.stringKey("llmobs.store.operation");
  public static final AttributeKey<String> STORE_NAME = AttributeKey.stringKey("llmobs.store.name");

  /** Where the store keeps its data: {@code memory}, {@code jdbc}, {@code redis}, or a class. */
  public static final AttributeKey<String> STORE_BACKEND =
      AttributeKey.stringKey("llmobs.store.backend");

  /** Messages (items) written, or read back, by one store operation. */
  public static final AttributeKey<Long> STORE_MESSAGE_COUNT =
      AttributeKey.longKey("llmobs.store.message_count");

  /** A cache lookup's result: {@code hit} or {@code miss}. */
  public static final AttributeKey<String> CACHE_RESULT =
      AttributeKey.stringKey("llmobs.cache.result");

  // llmobs.store.operation values.
  public static final String STORE_GET = "get";
  public static final String STORE_CREATE = "create";
  public static final String STORE_UPDATE = "update";
  public static final String STORE_DELETE = "delete";
  public static final String STORE_LIST = "list";
  public static final String STORE_CACHE_GET = "cache_get";

  // llmobs.store.backend values we recognise; any other backend is named by its class.
  public static final String BACKEND_MEMORY = "memory";
  public static final String BACKEND_JDBC = "jdbc";
  public static final String BACKEND_REDIS = "redis";

  // llmobs.cache.result values.
  public static final String CACHE_HIT = "hit";
  public static final String CACHE_MISS = "miss";

  public static final String METRIC_STORE_DURATION = "llmobs.store.operation.duration";
  public static final String METRIC_CONVERSATIONS_ACTIVE = "llmobs.conversations.active";
  public static final String METRIC_CACHE_LOOKUPS = "llmobs.cache.lookups";

  // Request totals: on the local root span (the HTTP server span) of a request that made GenAI
  // calls, updated as each call ends (written by the cost span processor of genai-cost).
  public static final AttributeKey<Long> REQUEST_CALLS =
      AttributeKey.longKey("llmobs.request.gen_ai.calls");
  public static final AttributeKey<Long> REQUEST_INPUT_TOKENS =
      AttributeKey.longKey("llmobs.request.gen_ai.usage.input_tokens");
  public static final AttributeKey<Long> REQUEST_OUTPUT_TOKENS =
      AttributeKey.longKey("llmobs.request.gen_ai.usage.output_tokens");
  public static final AttributeKey<Double> REQUEST_COST_AMOUNT =
      AttributeKey.doubleKey("llmobs.request.gen_ai.usage.cost.amount");

  // A usage event's cache_state: the call followed a cache miss in its request, or it did not.
  public static final String CACHE_STATE_MISS = "miss";
  public static final String CACHE_STATE_BYPASS = "bypass";
}
