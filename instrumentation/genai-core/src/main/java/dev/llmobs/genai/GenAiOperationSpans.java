package dev.llmobs.genai;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;
import io.opentelemetry.instrumentation.api.instrumenter.SpanNameExtractor;
import io.opentelemetry.instrumentation.api.instrumenter.SpanStatusBuilder;
import io.opentelemetry.instrumentation.api.instrumenter.SpanStatusExtractor;

/**
 * Span name ({@code invoke_agent {gen_ai.agent.name}}, {@code execute_tool {gen_ai.tool.name}}),
 * attributes and status of agent and tool operations.
 */
final class GenAiOperationSpans
    implements SpanNameExtractor<GenAiOperationRequest>,
        AttributesExtractor<GenAiOperationRequest, GenAiOperationResult>,
        SpanStatusExtractor<GenAiOperationRequest, GenAiOperationResult> {

  @Override
  public String extract(GenAiOperationRequest request) {
    String name = request.name();
    return name == null || name.isEmpty()
        ? request.operationName()
        : request.operationName() + " " + name;
  }

  @Override
  public void onStart(
      AttributesBuilder attributes, Context parentContext, GenAiOperationRequest request) {
    put(attributes, GenAiSemconv.OPERATION_NAME, request.operationName());
    put(attributes, GenAiSemconv.PROVIDER_NAME, request.providerName());
    if (request.isTool()) {
      put(attributes, GenAiSemconv.TOOL_NAME, request.name());
      put(attributes, GenAiSemconv.TOOL_CALL_ID, request.toolCallId());
      put(attributes, GenAiSemconv.TOOL_TYPE, request.toolType());
      put(attributes, GenAiSemconv.TOOL_DESCRIPTION, request.toolDescription());
      put(attributes, GenAiSemconv.TOOL_CALL_ARGUMENTS, request.arguments());
    } else {
      put(attributes, GenAiSemconv.AGENT_NAME, request.name());
      put(attributes, GenAiSemconv.AGENT_ID, request.agentId());
    }
  }

  @Override
  public void onEnd(
      AttributesBuilder attributes,
      Context context,
      GenAiOperationRequest request,
      GenAiOperationResult result,
      Throwable error) {
    if (result != null) {
      put(attributes, GenAiSemconv.TOOL_CALL_RESULT, result.result());
      put(attributes, GenAiSemconv.ERROR_TYPE, result.errorType());
    }
  }

  @Override
  public void extract(
      SpanStatusBuilder spanStatusBuilder,
      GenAiOperationRequest request,
      GenAiOperationResult result,
      Throwable error) {
    if (error != null || (result != null && result.errorType() != null)) {
      spanStatusBuilder.setStatus(StatusCode.ERROR);
    }
  }

  private static void put(AttributesBuilder attributes, AttributeKey<String> key, String value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }
}
