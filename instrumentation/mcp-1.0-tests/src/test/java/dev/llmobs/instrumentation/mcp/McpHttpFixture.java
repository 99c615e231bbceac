package dev.llmobs.instrumentation.mcp;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;

/**
 * A real MCP server over streamable HTTP (the SDK's servlet transport in an embedded Tomcat on a
 * free port) and real clients of it (the SDK's JDK HttpClient transport).
 */
final class McpHttpFixture implements AutoCloseable {

  private final Tomcat tomcat;
  private final McpSyncServer server;
  final int port;

  McpHttpFixture() throws Exception {
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder().mcpEndpoint("/mcp").build();
    server = McpTestServer.configure(McpServer.sync(transport)).build();
    tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("mcp-tomcat").toString());
    tomcat.setPort(0);
    Context context = tomcat.addContext("", null);
    Wrapper servlet = Tomcat.addServlet(context, "mcp", transport);
    servlet.setAsyncSupported(true);
    context.addServletMappingDecoded("/mcp", "mcp");
    tomcat.start();
    port = tomcat.getConnector().getLocalPort();
  }

  HttpClientStreamableHttpTransport clientTransport() {
    return HttpClientStreamableHttpTransport.builder("http://localhost:" + port)
        .endpoint("/mcp")
        .build();
  }

  McpSyncClient syncClient() {
    return McpClient.sync(clientTransport()).requestTimeout(Duration.ofSeconds(20)).build();
  }

  McpAsyncClient asyncClient() {
    return McpClient.async(clientTransport()).requestTimeout(Duration.ofSeconds(20)).build();
  }

  /**
   * Calls the tool that throws, from a client of its own, and returns the error type the client's
   * span should have: what the client sees depends on the SDK version, a JSON-RPC error (1.x), a
   * result with isError, or (2.1, now and then) a connection the server closed.
   */
  String callFailingTool() {
    McpSyncClient client = syncClient();
    try {
      client.initialize();
      McpSchema.CallToolResult result =
          client.callTool(new McpSchema.CallToolRequest("explode", Map.of()));
      if (!Boolean.TRUE.equals(result.isError())) {
        throw new AssertionError("the failing tool did not fail: " + result);
      }
      return "tool_error";
    } catch (McpError e) {
      return String.valueOf(e.getJsonRpcError().code());
    } catch (RuntimeException e) {
      // Mono.block() wraps a checked exception of the transport.
      return (e.getCause() != null ? e.getCause() : e).getClass().getName();
    } finally {
      client.closeGracefully();
    }
  }

  @Override
  public void close() throws Exception {
    server.close();
    tomcat.stop();
    tomcat.destroy();
  }
}
