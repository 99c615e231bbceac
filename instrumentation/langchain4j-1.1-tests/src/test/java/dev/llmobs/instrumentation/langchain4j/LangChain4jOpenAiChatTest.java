package dev.llmobs.instrumentation.langchain4j;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.llmobs.instrumentation.langchain4j.scenarios.ChatClientUnderTest;
import dev.llmobs.instrumentation.langchain4j.scenarios.ChatScenarios;
import dev.llmobs.instrumentation.langchain4j.scenarios.OpenAiWire;
import dev.llmobs.instrumentation.langchain4j.scenarios.PricedCall;
import dev.llmobs.instrumentation.langchain4j.scenarios.ProviderWire;
import dev.llmobs.instrumentation.langchain4j.scenarios.StreamRecorder;
import dev.llmobs.instrumentation.langchain4j.scenarios.Usage;
import java.time.Duration;

/** The chat scenarios with LangChain4j's OpenAI module (langchain4j-open-ai, its own client). */
class LangChain4jOpenAiChatTest extends ChatScenarios {

  @Override
  protected ProviderWire wire() {
    return new OpenAiWire();
  }

  @Override
  protected PricedCall pricedCall() {
    // gpt-4o-mini: 800 x 0.15 + 200 cached x 0.075 + 500 x 0.60 USD per 1M tokens = 0.000435
    return new PricedCall(
        "gpt-4o-mini", "gpt-4o-mini-2024-07-18", new Usage(1000, 500, 200L, null, 120L), 0.000435);
  }

  @Override
  protected ChatClientUnderTest client(Duration timeout) {
    String baseUrl = server.url("/v1").toString();
    return new ChatClientUnderTest() {
      @Override
      public String chat(String model, String prompt) {
        return OpenAiChatModel.builder()
            .baseUrl(baseUrl)
            .apiKey(API_KEY)
            .modelName(model)
            .timeout(timeout)
            .maxRetries(0)
            .build()
            .chat(prompt);
      }

      @Override
      public void streamChat(String model, String prompt, StreamRecorder recorder) {
        OpenAiStreamingChatModel.builder()
            .baseUrl(baseUrl)
            .apiKey(API_KEY)
            .modelName(model)
            .timeout(timeout)
            .build()
            .chat(prompt, new RecordingHandler(recorder));
      }
    };
  }
}
