package dev.llmobs.instrumentation.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.llmobs.testing.FakeLlmServer;
import dev.llmobs.testing.GenAiAgentTest;
import dev.llmobs.testing.SdkFixture;
import java.time.Duration;

/** An openai-java client of the fake server, as an application builds one. */
final class OpenAiFixture implements SdkFixture<OpenAIClient> {

  static final OpenAiFixture OPENAI = new OpenAiFixture();

  @Override
  public String recordings() {
    return "openai";
  }

  @Override
  public OpenAIClient newClient(FakeLlmServer server, Duration timeout) {
    return OpenAIOkHttpClient.builder()
        .baseUrl(server.url("/v1"))
        .apiKey(GenAiAgentTest.API_KEY)
        .maxRetries(0)
        .timeout(timeout)
        .build();
  }

  @Override
  public void close(OpenAIClient client) {
    client.close();
  }

  private OpenAiFixture() {}
}
