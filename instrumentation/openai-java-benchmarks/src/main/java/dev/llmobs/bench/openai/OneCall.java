package dev.llmobs.bench.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;

/**
 * The benchmark's calls made once each, in a JVM of their own: the launcher's pre-flight runs this
 * under every variant to prove which GenAI spans the measured calls produce.
 */
public final class OneCall {

  /** Built by the SDK's OkHttp builder, the only kind upstream's openai-java instruments. */
  static OpenAIClient client(FakeOpenAiServer server) {
    return OpenAIOkHttpClient.builder()
        .baseUrl(server.baseUrl())
        .apiKey("sk-bench-not-a-key")
        .maxRetries(0)
        .build();
  }

  static ChatCompletionCreateParams.Builder params() {
    return ChatCompletionCreateParams.builder()
        .model(FakeOpenAiServer.MODEL)
        .addUserMessage("Say hello.")
        .temperature(0.2)
        .maxCompletionTokens(64);
  }

  public static void main(String[] args) throws Exception {
    try (FakeOpenAiServer server = new FakeOpenAiServer()) {
      OpenAIClient client = client(server);
      System.out.println(
          "chat: "
              + client.chat().completions().create(params().build()).choices().size()
              + " choice(s)");
      ChatCompletionCreateParams streamParams =
          params()
              .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
              .build();
      try (StreamResponse<ChatCompletionChunk> stream =
          client.chat().completions().createStreaming(streamParams)) {
        System.out.println("chatStreaming: " + stream.stream().count() + " chunk(s)");
      }
      client.close();
    }
  }

  private OneCall() {}
}
