package dev.llmobs.instrumentation.mcp;

import io.modelcontextprotocol.client.McpSyncClient;
import io.opentelemetry.instrumentation.testing.junit.AgentInstrumentationExtension;
import io.opentelemetry.instrumentation.testing.junit.InstrumentationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the streamable HTTP agent tests share: the agent's exporters, a server, an initialized
 * client.
 */
abstract class McpHttpTest {

  @RegisterExtension
  static final InstrumentationExtension testing = AgentInstrumentationExtension.create();

  static McpHttpFixture fixture;
  static McpSyncClient client;

  @BeforeAll
  static void startServerAndClient() throws Exception {
    fixture = new McpHttpFixture();
    client = fixture.syncClient();
    client.initialize();
  }

  @AfterAll
  static void stop() throws Exception {
    client.closeGracefully();
    fixture.close();
  }
}
