package dev.llmobs.instrumentation.anthropic;

import com.anthropic.client.AnthropicClient;
import dev.llmobs.testing.GenAiAgentTest;

/** The anthropic-java agent tests' fixture: a real client of a fresh fake server per test. */
abstract class AnthropicAgentTest extends GenAiAgentTest<AnthropicClient> {

  AnthropicAgentTest() {
    super(AnthropicFixture.ANTHROPIC);
  }
}
