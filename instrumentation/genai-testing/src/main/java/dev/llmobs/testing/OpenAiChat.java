package dev.llmobs.testing;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

/** One real openai-java chat call ({@code chat gpt-4o-mini}) over HTTP to a local fake server. */
public final class OpenAiChat {

  /** In a server-like request named {@code request}: {@code before}, then the chat call. */
  public static void inRequestAfter(String request, ServerRequests.Work before) throws Exception {
    try (FakeLlmServer server = new FakeLlmServer("openai")) {
      server.reply("chat.json");
      OpenAIClient client =
          OpenAIOkHttpClient.builder()
              .baseUrl(server.url("/v1"))
              .apiKey(GenAiAgentTest.API_KEY)
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
