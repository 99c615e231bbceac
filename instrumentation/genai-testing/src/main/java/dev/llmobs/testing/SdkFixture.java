package dev.llmobs.testing;

import java.time.Duration;

/** How a provider's agent tests get a client of type {@code C}: one instance per provider. */
public interface SdkFixture<C> {

  /** The recordings folder of this provider: {@code openai}, {@code anthropic}. */
  String recordings();

  /**
   * A client of {@code server} with {@link GenAiAgentTest#API_KEY}, no retries and this request
   * timeout, built the way an application builds it.
   */
  C newClient(FakeLlmServer server, Duration timeout);

  void close(C client) throws Exception;
}
