package dev.llmobs.instrumentation.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import dev.llmobs.testing.FakeLlmServer;
import dev.llmobs.testing.GenAiAgentTest;
import dev.llmobs.testing.SdkFixture;
import java.time.Duration;

/** An anthropic-java client of the fake server, as an application builds one. */
final class AnthropicFixture implements SdkFixture<AnthropicClient> {

  static final AnthropicFixture ANTHROPIC = new AnthropicFixture();

  /** The model of the recordings. */
  static final String MODEL = "claude-sonnet-4-20250514";

  @Override
  public String recordings() {
    return "anthropic";
  }

  @Override
  public AnthropicClient newClient(FakeLlmServer server, Duration timeout) {
    return AnthropicOkHttpClient.builder()
        .baseUrl(server.url("/"))
        .apiKey(GenAiAgentTest.API_KEY)
        .maxRetries(0)
        .timeout(timeout)
        .build();
  }

  @Override
  public void close(AnthropicClient client) {
    client.close();
  }

  private AnthropicFixture() {}
}
