package dev.llmobs.instrumentation.springai.v1_1;

import static dev.llmobs.genai.testing.HelperClassesAssert.assertHelpersAreTheCompiledClasses;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpringAiHelpersTest {

  @Test
  void everyOtherCompiledClassIsAnInjectedHelper() {
    assertHelpersAreTheCompiledClasses(
        SpringAiChat.class,
        SpringAiInstrumentationModule.HELPERS,
        Arrays.asList(
            SpringAiInstrumentationModule.class.getName(),
            SpringAi11InstrumentationModule.class.getName(),
            SpringAi20InstrumentationModule.class.getName(),
            ChatModelInstrumentation.class.getName(),
            ChatModelInstrumentation.CallAdvice.class.getName(),
            ChatModelInstrumentation.StreamAdvice.class.getName(),
            EmbeddingModelInstrumentation.class.getName(),
            EmbeddingModelInstrumentation.CallAdvice.class.getName(),
            ObservationConfigInstrumentation.class.getName(),
            ObservationConfigInstrumentation.EnabledAdvice.class.getName(),
            ToolCallbackInstrumentation.class.getName(),
            ToolCallbackInstrumentation.CallAdvice.class.getName(),
            ToolCallingManagerInstrumentation.class.getName(),
            ToolCallingManagerInstrumentation.ExecuteAdvice.class.getName()));
  }
}
