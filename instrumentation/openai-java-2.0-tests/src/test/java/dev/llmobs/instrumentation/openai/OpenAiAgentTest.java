package dev.llmobs.instrumentation.openai;

import com.openai.client.OpenAIClient;
import dev.llmobs.testing.GenAiAgentTest;

/** The openai-java agent tests' fixture: a real client of a fresh fake server per test. */
abstract class OpenAiAgentTest extends GenAiAgentTest<OpenAIClient> {

  OpenAiAgentTest() {
    super(OpenAiFixture.OPENAI);
  }
}
