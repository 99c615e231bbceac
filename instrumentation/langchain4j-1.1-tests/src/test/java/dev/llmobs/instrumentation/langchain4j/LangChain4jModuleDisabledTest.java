package dev.llmobs.instrumentation.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.llmobs.instrumentation.langchain4j.scenarios.GenAiAgentTest;
import dev.llmobs.instrumentation.langchain4j.scenarios.OpenAiWire;
import dev.llmobs.instrumentation.langchain4j.scenarios.Usage;
import org.junit.jupiter.api.Test;

/** Runs with -Dotel.instrumentation.llmobs-langchain4j.enabled=false: calls work, no GenAI span. */
class LangChain4jModuleDisabledTest extends GenAiAgentTest {

  @Test
  void noGenAiSpanWhenTheModuleIsOff() {
    server.enqueue(new OpenAiWire().chat("resp-1", "gpt-4o-mini", "Hi", Usage.of(5, 2)));

    String answer =
        testing.runWithSpan(
            "parent",
            () ->
                OpenAiChatModel.builder()
                    .baseUrl(server.url("/v1").toString())
                    .apiKey(API_KEY)
                    .modelName("gpt-4o-mini")
                    .maxRetries(0)
                    .build()
                    .chat("hello"));

    assertThat(answer).isEqualTo("Hi");
    testing.waitAndAssertTraces(
        trace -> trace.hasSpansSatisfyingExactly(span -> span.hasName("parent")));
  }
}
