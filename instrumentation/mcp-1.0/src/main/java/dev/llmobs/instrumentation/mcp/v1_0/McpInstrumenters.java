package dev.llmobs.instrumentation.mcp.v1_0;

import dev.llmobs.genai.GenAiInstrumenter;
import dev.llmobs.genai.GenAiStrings;
import dev.llmobs.genai.LlmobsVersion;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.instrumenter.OperationMetrics;
import io.opentelemetry.instrumentation.api.instrumenter.SpanKindExtractor;

/**
 * The two instrumenters of MCP: CLIENT spans for requests this process sends, SERVER spans for
 * requests it handles, each with its duration metric. Named {@code {mcp.method.name} {target}} (the
 * tool or prompt; never the resource URI, which is not low-cardinality); ERROR when the request
 * failed, with the peer's error message as description only under content capture.
 */
final class McpInstrumenters {

  private static volatile Instrumenter<McpRequest, McpResponse> client;
  private static volatile Instrumenter<McpRequest, McpResponse> server;

  static Instrumenter<McpRequest, McpResponse> get(McpRequest.Role role) {
    return role == McpRequest.Role.CLIENT ? client() : server();
  }

  static Instrumenter<McpRequest, McpResponse> client() {
    Instrumenter<McpRequest, McpResponse> result = client;
    if (result == null) {
      synchronized (McpInstrumenters.class) {
        if (client == null) {
          client = create(McpMetrics::client, SpanKindExtractor.alwaysClient());
        }
        result = client;
      }
    }
    return result;
  }

  static Instrumenter<McpRequest, McpResponse> server() {
    Instrumenter<McpRequest, McpResponse> result = server;
    if (result == null) {
      synchronized (McpInstrumenters.class) {
        if (server == null) {
          server = create(McpMetrics::server, SpanKindExtractor.alwaysServer());
        }
        result = server;
      }
    }
    return result;
  }

  private static Instrumenter<McpRequest, McpResponse> create(
      OperationMetrics metrics, SpanKindExtractor<McpRequest> kind) {
    return Instrumenter.<McpRequest, McpResponse>builder(
            GlobalOpenTelemetry.get(),
            GenAiInstrumenter.INSTRUMENTATION_NAME,
            McpInstrumenters::spanName)
        .setInstrumentationVersion(LlmobsVersion.VERSION)
        .addAttributesExtractor(new McpAttributes())
        .addSpanLinksExtractor(
            (links, parentContext, request) -> {
              if (request.ambientSpan != null) {
                links.addLink(request.ambientSpan);
              }
            })
        .setSpanStatusExtractor(
            (status, request, response, error) -> {
              if (error != null || (response != null && response.errorType != null)) {
                String message = response == null ? null : response.errorMessage;
                if (message != null && GenAiInstrumenter.captureContentMaxLength() > 0) {
                  status.setStatus(StatusCode.ERROR, GenAiStrings.cap(message));
                } else {
                  status.setStatus(StatusCode.ERROR);
                }
              }
            })
        .addOperationMetrics(metrics)
        .buildInstrumenter(kind);
  }

  static String spanName(McpRequest request) {
    String method = GenAiStrings.cap(request.method);
    String target = request.target();
    return target == null ? method : method + " " + GenAiStrings.cap(target);
  }

  private McpInstrumenters() {}
}
