package dev.llmobs.instrumentation.openai.v2_0;

import static dev.llmobs.genai.testing.HelperClassesAssert.assertHelpersAreTheCompiledClasses;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OpenAiHelpersTest {

  @Test
  void everyOtherCompiledClassIsAnInjectedHelper() {
    assertHelpersAreTheCompiledClasses(
        OpenAiSdk.class,
        OpenAiInstrumentationModule.HELPERS,
        Arrays.asList(
            OpenAiInstrumentationModule.class.getName(), OpenAiServiceAdvice.class.getName()));
  }
}
