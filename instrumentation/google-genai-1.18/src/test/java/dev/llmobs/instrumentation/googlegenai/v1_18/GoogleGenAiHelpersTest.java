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
            ModelsInstrumentation.CallAdvice.class.getName(),
            ResponseStreamInstrumentation.class.getName(),
            ResponseStreamInstrumentation.HasNextAdvice.class.getName(),
            ResponseStreamInstrumentation.NextAdvice.class.getName(),
            ResponseStreamInstrumentation.CloseAdvice.class.getName(),
            AfcInstrumentation.class.getName(),
            AfcInstrumentation.InvokeAdvice.class.getName()));
  }
}
