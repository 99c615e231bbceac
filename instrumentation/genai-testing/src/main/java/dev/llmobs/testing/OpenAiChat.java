package dev.llmobs.testing;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/** One real openai-java chat call ({@code chat gpt-4o-mini}) over HTTP to a local fake server. */
public final class OpenAiChat {

  /** In a server-like request named {@code request}: {@code before}, then the chat call. */
  public static void inRequestAfter(String request, ServerRequests.Work before) throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(
          new MockResponse()
              .setHeader("Content-Type", "application/json")
              .setBody(
                  "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
                      + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":"
                      + "{\"role\":\"assistant\",\"content\":\"Hi\"},\"finish_reason\":\"stop\"}],"
                      + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}"));
      OpenAIClient client =
          OpenAIOkHttpClient.builder()
              .baseUrl(server.url("/v1").toString())
              .apiKey("sk-test")
              .maxRetries(0)
              .build();
      try {
        ServerRequests.inRequest(
            request,
            () -> {
              before.run();
              client
                  .chat()
                  .completions()
                  .create(
                      ChatCompletionCreateParams.builder()
                          .model("gpt-4o-mini")
                          .addUserMessage("hi")
                          .build());
            });
      } finally {
        client.close();
      }
    }
  }

  private OpenAiChat() {}
}
