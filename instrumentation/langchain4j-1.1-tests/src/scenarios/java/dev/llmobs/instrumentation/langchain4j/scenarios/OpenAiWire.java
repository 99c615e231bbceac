package dev.llmobs.instrumentation.langchain4j.scenarios;

import java.util.List;
import okhttp3.mockwebserver.MockResponse;

/** OpenAI's chat completions and embeddings, in recorded shape. */
public final class OpenAiWire implements ProviderWire, EmbeddingWire {

  @Override
  public String providerName() {
    return "openai";
  }

  @Override
  public String chatPath() {
    return "/v1/chat/completions";
  }

  @Override
  public MockResponse chat(String id, String model, String text, Usage usage) {
    return json(
        "{\"id\":\""
            + id
            + "\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\""
            + model
            + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
            + text
            + "\"},\"finish_reason\":\"stop\"}],"
            + usage(usage)
            + "}");
  }

  @Override
  public MockResponse stream(String id, String model, List<String> pieces, Usage usage) {
    StringBuilder body = new StringBuilder();
    String prefix =
        "{\"id\":\""
            + id
            + "\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\""
            + model
            + "\",";
    for (String piece : pieces) {
      event(
          body,
          prefix
              + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
              + piece
              + "\"},\"finish_reason\":null}]}");
    }
    event(body, prefix + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}");
    event(body, prefix + "\"choices\":[]," + usage(usage) + "}");
    body.append("data: [DONE]\n\n");
    return new MockResponse()
        .setHeader("Content-Type", "text/event-stream")
        .setBody(body.toString());
  }

  @Override
  public MockResponse embeddings(String model, int inputs, int dimensions, long tokens) {
    StringBuilder data = new StringBuilder();
    for (int i = 0; i < inputs; i++) {
      data.append(i == 0 ? "" : ",")
          .append("{\"object\":\"embedding\",\"index\":")
          .append(i)
          .append(",\"embedding\":[");
      for (int d = 0; d < dimensions; d++) {
        data.append(d == 0 ? "" : ",").append("0.").append(d + 1);
      }
      data.append("]}");
    }
    return json(
        "{\"object\":\"list\",\"data\":["
            + data
            + "],\"model\":\""
            + model
            + "\",\"usage\":{\"prompt_tokens\":"
            + tokens
            + ",\"total_tokens\":"
            + tokens
            + "}}");
  }

  @Override
  public MockResponse error(int status) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(
            "{\"error\":{\"message\":\"failed with "
                + status
                + "\",\"type\":\"server_error\",\"code\":null}}");
  }

  private static String usage(Usage usage) {
    return "\"usage\":{\"prompt_tokens\":"
        + usage.input()
        + ",\"completion_tokens\":"
        + usage.output()
        + ",\"total_tokens\":"
        + (usage.input() + usage.output())
        + (usage.cacheRead() == null
            ? ""
            : ",\"prompt_tokens_details\":{\"cached_tokens\":" + usage.cacheRead() + "}")
        + (usage.reasoning() == null
            ? ""
            : ",\"completion_tokens_details\":{\"reasoning_tokens\":" + usage.reasoning() + "}")
        + "}";
  }

  private static void event(StringBuilder body, String data) {
    body.append("data: ").append(data).append("\n\n");
  }

  static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }
}
