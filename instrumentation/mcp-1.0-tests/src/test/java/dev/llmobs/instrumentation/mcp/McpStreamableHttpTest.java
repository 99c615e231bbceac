package dev.llmobs.instrumentation.mcp;

import static dev.llmobs.instrumentation.mcp.McpKeys.ARGUMENTS;
import static dev.llmobs.instrumentation.mcp.McpKeys.ERROR_TYPE;
import static dev.llmobs.instrumentation.mcp.McpKeys.METHOD;
import static dev.llmobs.instrumentation.mcp.McpKeys.OPERATION;
import static dev.llmobs.instrumentation.mcp.McpKeys.PROMPT_NAME;
import static dev.llmobs.instrumentation.mcp.McpKeys.PROTOCOL_NAME;
import static dev.llmobs.instrumentation.mcp.McpKeys.PROTOCOL_VERSION;
import static dev.llmobs.instrumentation.mcp.McpKeys.REQUEST_ID;
import static dev.llmobs.instrumentation.mcp.McpKeys.RESOURCE_URI;
import static dev.llmobs.instrumentation.mcp.McpKeys.RESULT;
import static dev.llmobs.instrumentation.mcp.McpKeys.SERVER_ADDRESS;
import static dev.llmobs.instrumentation.mcp.McpKeys.SERVER_PORT;
import static dev.llmobs.instrumentation.mcp.McpKeys.SESSION_ID;
import static dev.llmobs.instrumentation.mcp.McpKeys.STATUS_CODE;
import static dev.llmobs.instrumentation.mcp.McpKeys.TOOL_NAME;
import static dev.llmobs.instrumentation.mcp.McpKeys.TRANSPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/** An MCP client and server in one JVM over streamable HTTP, both sides traced. */
class McpStreamableHttpTest extends McpHttpTest {

  @AfterEach
  void nothingOfArgumentsOrResultsWithoutContentCapture() {
    for (SpanData span : testing.spans()) {
      assertThat(span.getAttributes().get(ARGUMENTS)).isNull();
      assertThat(span.getAttributes().get(RESULT)).isNull();
      assertThat(span.toString()).doesNotContain(McpTestServer.SECRET).doesNotContain("Oslo");
    }
  }

  @Test
  void aToolCallIsOneClientSpanParentOfOneServerSpan() {
    McpSchema.CallToolResult result =
        testing.runWithSpan(
            "agent",
            () ->
                client.callTool(
                    new McpSchema.CallToolRequest("get_weather", McpTestServer.city("Oslo"))));
    assertThat(((McpSchema.TextContent) result.content().get(0)).text()).isEqualTo("Sunny in Oslo");

    SpanData agent = McpSpans.one(testing, "agent", SpanKind.INTERNAL);
    SpanData clientSpan = McpSpans.one(testing, "tools/call get_weather", SpanKind.CLIENT);
    SpanData serverSpan = McpSpans.one(testing, "tools/call get_weather", SpanKind.SERVER);

    assertThat(clientSpan.getParentSpanId()).isEqualTo(agent.getSpanId());
    assertThat(serverSpan.getTraceId()).isEqualTo(agent.getTraceId());
    assertThat(serverSpan.getParentSpanId()).isEqualTo(clientSpan.getSpanId());
    for (SpanData span : List.of(clientSpan, serverSpan)) {
      assertThat(span.getAttributes().get(METHOD)).isEqualTo("tools/call");
      assertThat(span.getAttributes().get(OPERATION)).isEqualTo("execute_tool");
      assertThat(span.getAttributes().get(TOOL_NAME)).isEqualTo("get_weather");
      assertThat(span.getAttributes().get(TRANSPORT)).isEqualTo("tcp");
      assertThat(span.getAttributes().get(PROTOCOL_NAME)).isEqualTo("http");
      assertThat(span.getAttributes().get(ERROR_TYPE)).isNull();
      assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }
    // Both sides name the same JSON-RPC request, session and protocol version.
    assertThat(clientSpan.getAttributes().get(REQUEST_ID))
        .isNotBlank()
        .isEqualTo(serverSpan.getAttributes().get(REQUEST_ID));
    assertThat(clientSpan.getAttributes().get(SESSION_ID))
        .isNotBlank()
        .isEqualTo(serverSpan.getAttributes().get(SESSION_ID));
    assertThat(clientSpan.getAttributes().get(PROTOCOL_VERSION))
        .matches("\\d{4}-\\d{2}-\\d{2}")
        .isEqualTo(serverSpan.getAttributes().get(PROTOCOL_VERSION));
    assertThat(clientSpan.getAttributes().get(SERVER_ADDRESS)).isEqualTo("localhost");
    assertThat(clientSpan.getAttributes().get(SERVER_PORT)).isEqualTo((long) fixture.port);
    assertThat(serverSpan.getAttributes().get(SERVER_ADDRESS)).isNull();
  }

  @Test
  void initializeIsTracedOnBothSidesWithTheSessionItCreated() {
    McpSyncClient fresh = fixture.syncClient();
    try {
      fresh.initialize();
    } finally {
      fresh.closeGracefully();
    }
    SpanData clientSpan = McpSpans.one(testing, "initialize", SpanKind.CLIENT);
    SpanData serverSpan = McpSpans.childOf(testing, "initialize", SpanKind.SERVER, clientSpan);

    assertThat(serverSpan.getAttributes().get(REQUEST_ID))
        .isNotBlank()
        .isEqualTo(clientSpan.getAttributes().get(REQUEST_ID));
    assertThat(serverSpan.getAttributes().get(SESSION_ID))
        .isNotBlank()
        .isEqualTo(clientSpan.getAttributes().get(SESSION_ID));
    assertThat(clientSpan.getAttributes().get(PROTOCOL_VERSION)).isNotBlank();
    assertThat(serverSpan.getAttributes().get(PROTOCOL_VERSION))
        .isEqualTo(clientSpan.getAttributes().get(PROTOCOL_VERSION));
  }

  @Test
  void aFailingToolFailsBothSpans() {
    String clientErrorType = fixture.callFailingTool();

    SpanData clientSpan = McpSpans.one(testing, "tools/call explode", SpanKind.CLIENT);
    SpanData serverSpan = McpSpans.one(testing, "tools/call explode", SpanKind.SERVER);
    assertThat(clientSpan.getAttributes().get(ERROR_TYPE)).isEqualTo(clientErrorType);
    assertThat(serverSpan.getAttributes().get(ERROR_TYPE)).isNotBlank();
    for (SpanData span : List.of(clientSpan, serverSpan)) {
      assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
      // Without content capture, no free text of the peer's: no status description.
      assertThat(span.getStatus().getDescription()).isEmpty();
    }
  }

  @Test
  void aToolResultWithIsErrorIsAToolError() {
    McpSchema.CallToolResult result =
        client.callTool(new McpSchema.CallToolRequest("refuse", Map.of()));
    assertThat(result.isError()).isTrue();

    for (SpanKind kind : List.of(SpanKind.CLIENT, SpanKind.SERVER)) {
      SpanData span = McpSpans.one(testing, "tools/call refuse", kind);
      assertThat(span.getAttributes().get(ERROR_TYPE)).isEqualTo("tool_error");
      assertThat(span.getAttributes().get(STATUS_CODE)).isNull();
      assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }
  }

  @Test
  void anUnknownToolIsTheJsonRpcErrorCode() {
    assertThatThrownBy(() -> client.callTool(new McpSchema.CallToolRequest("nope", Map.of())))
        .isInstanceOf(McpError.class);

    for (SpanKind kind : List.of(SpanKind.CLIENT, SpanKind.SERVER)) {
      SpanData span = McpSpans.one(testing, "tools/call nope", kind);
      assertThat(span.getAttributes().get(ERROR_TYPE)).isEqualTo("-32602");
      assertThat(span.getAttributes().get(STATUS_CODE)).isEqualTo("-32602");
    }
    // The client's exception event names the type, not the server's message.
    SpanData clientSpan = McpSpans.one(testing, "tools/call nope", SpanKind.CLIENT);
    assertThat(clientSpan.getEvents())
        .anySatisfy(e -> assertThat(e.getName()).isEqualTo("exception"));
    assertThat(clientSpan.getEvents().toString()).doesNotContain("Unknown tool");
  }

  @Test
  void promptsResourcesAndListsAreSpansOfTheirMethod() {
    client.getPrompt(new McpSchema.GetPromptRequest("greet", Map.of()));
    client.readResource(new McpSchema.ReadResourceRequest("memo://one"));
    client.listTools();

    SpanData prompt = McpSpans.one(testing, "prompts/get greet", SpanKind.CLIENT);
    assertThat(prompt.getAttributes().get(PROMPT_NAME)).isEqualTo("greet");
    assertThat(prompt.getAttributes().get(OPERATION)).isNull();
    McpSpans.one(testing, "prompts/get greet", SpanKind.SERVER);
    for (SpanKind kind : List.of(SpanKind.CLIENT, SpanKind.SERVER)) {
      // The URI is an attribute, not part of the name: it is not low-cardinality.
      SpanData read = McpSpans.one(testing, "resources/read", kind);
      assertThat(read.getAttributes().get(RESOURCE_URI)).isEqualTo("memo://one");
      assertThat(McpSpans.one(testing, "tools/list", kind).getAttributes().get(METHOD))
          .isEqualTo("tools/list");
    }
  }

  @Test
  void theAsyncClientsCallbacksRunInTheCallersContext() throws Exception {
    McpAsyncClient async = fixture.asyncClient();
    try {
      async.initialize().block(Duration.ofSeconds(20));
      AtomicReference<SpanContext> seen = new AtomicReference<>();
      testing.runWithSpan(
          "caller",
          () ->
              async
                  .callTool(
                      new McpSchema.CallToolRequest("get_weather", McpTestServer.city("Oslo")))
                  .doOnNext(r -> seen.set(Span.current().getSpanContext()))
                  .block(Duration.ofSeconds(20)));

      SpanData caller = McpSpans.one(testing, "caller", SpanKind.INTERNAL);
      SpanData clientSpan = McpSpans.one(testing, "tools/call get_weather", SpanKind.CLIENT);
      assertThat(clientSpan.getParentSpanId()).isEqualTo(caller.getSpanId());
      assertThat(seen.get().getSpanId()).isEqualTo(caller.getSpanId());
      assertThat(McpSpans.one(testing, "tools/call get_weather", SpanKind.SERVER).getParentSpanId())
          .isEqualTo(clientSpan.getSpanId());
    } finally {
      async.closeGracefully().block(Duration.ofSeconds(20));
    }
  }

  @Test
  void aCancelledAsyncCallEndsAsCancelled() throws Exception {
    McpAsyncClient async = fixture.asyncClient();
    try {
      async.initialize().block(Duration.ofSeconds(20));
      CountDownLatch subscribed = new CountDownLatch(1);
      Disposable call =
          async
              .callTool(new McpSchema.CallToolRequest("slow", Map.of()))
              .doOnSubscribe(s -> subscribed.countDown())
              .subscribe();
      assertThat(subscribed.await(10, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(200);
      call.dispose();

      SpanData clientSpan = McpSpans.one(testing, "tools/call slow", SpanKind.CLIENT);
      assertThat(clientSpan.getAttributes().get(ERROR_TYPE)).isEqualTo("cancelled");
      // The server still finishes the tool, in its own span.
      McpSpans.one(testing, "tools/call slow", SpanKind.SERVER);
    } finally {
      async.closeGracefully().block(Duration.ofSeconds(20));
    }
  }

  @Test
  void traceContextTheApplicationPutIntoMetaIsKept() {
    String appTraceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    client.callTool(
        new McpSchema.CallToolRequest(
            "get_weather", McpTestServer.city("Bergen"), Map.of("traceparent", appTraceparent)));

    SpanData clientSpan = McpSpans.one(testing, "tools/call get_weather", SpanKind.CLIENT);
    SpanData serverSpan = McpSpans.one(testing, "tools/call get_weather", SpanKind.SERVER);
    assertThat(serverSpan.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(serverSpan.getParentSpanId()).isEqualTo("b7ad6b7169203331");
    assertThat(clientSpan.getTraceId()).isNotEqualTo(serverSpan.getTraceId());
  }
}
