package dev.llmobs.instrumentation.anthropic.v2_0;

import static dev.llmobs.genai.testing.HelperClassesAssert.assertHelpersAreTheCompiledClasses;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AnthropicHelpersTest {

  @Test
  void everyOtherCompiledClassIsAnInjectedHelper() {
    assertHelpersAreTheCompiledClasses(
        AnthropicSdk.class,
        AnthropicInstrumentationModule.HELPERS,
        Arrays.asList(
            AnthropicInstrumentationModule.class.getName(),
            AnthropicServiceAdvice.class.getName(),
            SdkOwnTracingInstrumentation.class.getName(),
            SdkOwnTracingInstrumentation.OffAdvice.class.getName()));
  }
}
