package dev.llmobs.instrumentation.mcp.v1_0;

import dev.llmobs.genai.GenAiInstrumenter;
import dev.llmobs.genai.GenAiSemconv;
import dev.llmobs.genai.GenAiStrings;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;

/**
 * The MCP span attributes of the semantic conventions, on both sides. Values a peer controls
 * (method and tool names on a server, ids, URIs) are capped; arguments and results only with
 * content capture on, truncated to its maximum length.
 */
final class McpAttributes implements AttributesExtractor<McpRequest, McpResponse> {

  @Override
  public void onStart(AttributesBuilder attributes, Context parentContext, McpRequest request) {
    put(attributes, GenAiSemconv.MCP_METHOD_NAME, request.method);
    if (GenAiSemconv.MCP_METHOD_TOOLS_CALL.equals(request.method)) {
      attributes.put(GenAiSemconv.OPERATION_NAME, GenAiSemconv.OPERATION_EXECUTE_TOOL);
    }
    put(attributes, GenAiSemconv.TOOL_NAME, request.toolName);
    put(attributes, GenAiSemconv.PROMPT_NAME, request.promptName);
    put(attributes, GenAiSemconv.MCP_RESOURCE_URI, request.resourceUri);
    int maxLength = GenAiInstrumenter.captureContentMaxLength();
    if (maxLength > 0 && request.arguments != null) {
      String arguments = McpContent.json(request.arguments, maxLength);
      if (arguments != null) {
        attributes.put(GenAiSemconv.TOOL_CALL_ARGUMENTS, arguments);
      }
    }
  }

  @Override
  public void onEnd(
      AttributesBuilder attributes,
      Context context,
      McpRequest request,
      McpResponse response,
      Throwable error) {
    put(attributes, GenAiSemconv.JSONRPC_REQUEST_ID, request.requestId);
    put(attributes, GenAiSemconv.MCP_SESSION_ID, request.sessionId());
    put(attributes, GenAiSemconv.MCP_PROTOCOL_VERSION, request.protocolVersion);
    McpNetwork network = request.network;
    if (network != null) {
      attributes.put(GenAiSemconv.NETWORK_TRANSPORT, network.transport);
      put(attributes, GenAiSemconv.NETWORK_PROTOCOL_NAME, network.protocolName);
      if (request.role == McpRequest.Role.CLIENT && network.serverAddress != null) {
        put(attributes, GenAiSemconv.SERVER_ADDRESS, network.serverAddress);
        if (network.serverPort > 0) {
          attributes.put(GenAiSemconv.SERVER_PORT, (long) network.serverPort);
        }
      }
    }
    if (response == null) {
      return;
    }
    put(attributes, GenAiSemconv.ERROR_TYPE, response.errorType);
    put(attributes, GenAiSemconv.RPC_RESPONSE_STATUS_CODE, response.statusCode);
    int maxLength = GenAiInstrumenter.captureContentMaxLength();
    if (maxLength > 0 && response.errorType == null && response.result != null) {
      String result = McpContent.toolResultJson(response.result, maxLength);
      if (result != null) {
        attributes.put(GenAiSemconv.TOOL_CALL_RESULT, result);
      }
    }
  }

  private static void put(AttributesBuilder attributes, AttributeKey<String> key, String value) {
    if (value != null) {
      attributes.put(key, GenAiStrings.cap(value));
    }
  }
}
