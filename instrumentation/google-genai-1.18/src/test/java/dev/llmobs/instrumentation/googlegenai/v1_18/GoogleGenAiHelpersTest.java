package dev.llmobs.instrumentation.googlegenai.v1_18;

import static dev.llmobs.genai.testing.HelperClassesAssert.assertHelpersAreTheCompiledClasses;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GoogleGenAiHelpersTest {

  @Test
  void everyOtherCompiledClassIsAnInjectedHelper() {
    assertHelpersAreTheCompiledClasses(
        GoogleGenAiCalls.class,
        GoogleGenAiInstrumentationModule.HELPERS,
        Arrays.asList(
            GoogleGenAiInstrumentationModule.class.getName(),
            ModelsInstrumentation.class.getName(),
            ModelsInstrumentation.GenerateAdvice.class.getName(),
            ModelsInstrumentation.StreamAdvice.class.getName(),
            ModelsInstrumentation.EmbedAdvice.class.getName(),
            AsyncModelsInstrumentation.class.getName(),
            AsyncModelsInstrumentation.GenerateAdvice.class.getName(),
            AsyncModelsInstrumentation.StreamAdvice.class.getName(),
            AsyncModelsInstrumentation.EmbedAdvice.class.getName(),
            ResponseStreamInstrumentation.class.getName(),
            ResponseStreamInstrumentation.HasNextAdvice.class.getName(),
            ResponseStreamInstrumentation.NextAdvice.class.getName(),
            ResponseStreamInstrumentation.CloseAdvice.class.getName()));
  }
}
