package dev.llmobs.instrumentation.langchain4j;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.llmobs.instrumentation.langchain4j.scenarios.AnthropicWire;
import dev.llmobs.instrumentation.langchain4j.scenarios.ChatClientUnderTest;
import dev.llmobs.instrumentation.langchain4j.scenarios.ChatScenarios;
import dev.llmobs.instrumentation.langchain4j.scenarios.PricedCall;
import dev.llmobs.instrumentation.langchain4j.scenarios.ProviderWire;
import dev.llmobs.instrumentation.langchain4j.scenarios.StreamRecorder;
import dev.llmobs.instrumentation.langchain4j.scenarios.Usage;
import java.time.Duration;

/** The chat scenarios with LangChain4j's Anthropic module (langchain4j-anthropic). */
class LangChain4jAnthropicChatTest extends ChatScenarios {

  static final String MODEL = "claude-sonnet-4-20250514";

  @Override
  protected ProviderWire wire() {
    return new AnthropicWire();
  }

  @Override
  protected PricedCall pricedCall() {
    // 200 input tokens of which 50 cache reads and 30 cache writes, 10 output; claude-sonnet-4:
    // 120 x 3 + 50 x 0.30 + 30 x 3.75 + 10 x 15 USD per 1M tokens = 0.0006375
    return new PricedCall(MODEL, MODEL, new Usage(200, 10, 50L, 30L, null), 0.0006375);
  }

  @Override
  protected ChatClientUnderTest client(Duration timeout) {
    String baseUrl = server.url("/v1/").toString();
    return new ChatClientUnderTest() {
      @Override
      public String chat(String model, String prompt) {
        return AnthropicChatModel.builder()
            .baseUrl(baseUrl)
            .apiKey(API_KEY)
            .modelName(model)
            .maxTokens(100)
            .timeout(timeout)
            .maxRetries(0)
            .build()
            .chat(prompt);
      }

      @Override
      public void streamChat(String model, String prompt, StreamRecorder recorder) {
        AnthropicStreamingChatModel.builder()
            .baseUrl(baseUrl)
            .apiKey(API_KEY)
            .modelName(model)
            .maxTokens(100)
            .timeout(timeout)
            .build()
            .chat(prompt, new RecordingHandler(recorder));
      }
    };
  }
}
