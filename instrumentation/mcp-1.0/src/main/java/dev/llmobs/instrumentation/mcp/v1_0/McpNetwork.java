package dev.llmobs.instrumentation.mcp.v1_0;

import dev.llmobs.genai.GenAiSemconv;

/** The transport of an MCP session as the semantic conventions record it. */
final class McpNetwork {

  static final McpNetwork STDIO =
      new McpNetwork(GenAiSemconv.NETWORK_TRANSPORT_PIPE, null, null, -1);
  static final McpNetwork HTTP =
      new McpNetwork(
          GenAiSemconv.NETWORK_TRANSPORT_TCP, GenAiSemconv.NETWORK_PROTOCOL_HTTP, null, -1);

  final String transport;
  final String protocolName;
  final String serverAddress;
  final int serverPort;

  McpNetwork(String transport, String protocolName, String serverAddress, int serverPort) {
    this.transport = transport;
    this.protocolName = protocolName;
    this.serverAddress = serverAddress;
    this.serverPort = serverPort;
  }

  static McpNetwork http(String host, int port) {
    return host == null ? HTTP : new McpNetwork(HTTP.transport, HTTP.protocolName, host, port);
  }
}
