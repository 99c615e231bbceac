package dev.llmobs.instrumentation.langchain4j.scenarios;

import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;

/**
 * Anthropic's messages API, in recorded shape. Anthropic counts cached input apart: {@code
 * input_tokens} is the input beside the cache reads and writes.
 */
public final class AnthropicWire implements ProviderWire {

  @Override
  public String providerName() {
    return "anthropic";
  }

  @Override
  public String chatPath() {
    return "/v1/messages";
  }

  @Override
  public MockResponse chat(String id, String model, String text, Usage usage) {
    return OpenAiWire.json(
        "{\"id\":\""
            + id
            + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\""
            + model
            + "\",\"content\":[{\"type\":\"text\",\"text\":\""
            + text
            + "\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":"
            + usage(usage, usage.output())
            + "}");
  }

  @Override
  public MockResponse stream(String id, String model, List<String> pieces, Usage usage) {
    List<String> events = new ArrayList<>();
    events.add(
        "{\"type\":\"message_start\",\"message\":{\"id\":\""
            + id
            + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\""
            + model
            + "\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":"
            + usage(usage, 1)
            + "}}");
    events.add(
        "{\"type\":\"content_block_start\",\"index\":0,"
            + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
    for (String piece : pieces) {
      events.add(
          "{\"type\":\"content_block_delta\",\"index\":0,"
              + "\"delta\":{\"type\":\"text_delta\",\"text\":\""
              + piece
              + "\"}}");
    }
    events.add("{\"type\":\"content_block_stop\",\"index\":0}");
    events.add(
        "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
            + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":"
            + usage.output()
            + "}}");
    events.add("{\"type\":\"message_stop\"}");
    StringBuilder body = new StringBuilder();
    for (String event : events) {
      String type = event.substring("{\"type\":\"".length(), event.indexOf("\"", 9));
      body.append("event: ").append(type).append("\ndata: ").append(event).append("\n\n");
    }
    return new MockResponse()
        .setHeader("Content-Type", "text/event-stream")
        .setBody(body.toString());
  }

  @Override
  public MockResponse error(int status) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(
            "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"failed with "
                + status
                + "\"}}");
  }

  private static String usage(Usage usage, long output) {
    long read = usage.cacheRead() == null ? 0 : usage.cacheRead();
    long write = usage.cacheCreation() == null ? 0 : usage.cacheCreation();
    return "{\"input_tokens\":"
        + (usage.input() - read - write)
        + ",\"output_tokens\":"
        + output
        + ",\"cache_read_input_tokens\":"
        + read
        + ",\"cache_creation_input_tokens\":"
        + write
        + "}";
  }
}
