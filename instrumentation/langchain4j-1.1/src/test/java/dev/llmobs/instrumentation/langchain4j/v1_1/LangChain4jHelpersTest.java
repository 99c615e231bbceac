package dev.llmobs.instrumentation.langchain4j.v1_1;

import static dev.llmobs.genai.testing.HelperClassesAssert.assertHelpersAreTheCompiledClasses;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LangChain4jHelpersTest {

  @Test
  void everyOtherCompiledClassIsAnInjectedHelper() {
    assertHelpersAreTheCompiledClasses(
        LangChain4jCalls.class,
        LangChain4jInstrumentationModule.HELPERS,
        Arrays.asList(
            LangChain4jInstrumentationModule.class.getName(),
            ImplementationsOf.class.getName(),
            ChatModelInstrumentation.class.getName(),
            ChatModelInstrumentation.ChatAdvice.class.getName(),
            StreamingChatModelInstrumentation.class.getName(),
            StreamingChatModelInstrumentation.StreamingChatAdvice.class.getName(),
            EmbeddingModelInstrumentation.class.getName(),
            EmbeddingModelInstrumentation.EmbedAdvice.class.getName(),
            AiServiceInstrumentation.class.getName(),
            AiServiceInstrumentation.InvokeAdvice.class.getName(),
            ToolExecutorInstrumentation.class.getName(),
            ToolExecutorInstrumentation.ExecuteAdvice.class.getName(),
            DefaultToolExecutorInstrumentation.class.getName(),
            DefaultToolExecutorInstrumentation.InvokeToolAdvice.class.getName()));
  }
}
