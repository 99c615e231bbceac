package dev.llmobs.instrumentation.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;

/** The test server over stdio, run in a child JVM by McpStdioTest; ends when stdin closes. */
public final class StdioServerMain {

  public static void main(String[] args) throws Exception {
    McpSyncServer server =
        McpTestServer.configure(
                McpServer.sync(new StdioServerTransportProvider(McpJsonDefaults.getMapper())))
            .build();
    // The transport reads stdin on its own threads; this one just keeps the JVM alive.
    Thread.currentThread().join();
    server.close();
  }

  private StdioServerMain() {}
}
