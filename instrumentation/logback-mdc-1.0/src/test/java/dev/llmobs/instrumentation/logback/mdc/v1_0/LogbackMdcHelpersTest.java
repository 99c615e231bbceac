package dev.llmobs.instrumentation.logback.mdc.v1_0;

import static dev.llmobs.genai.testing.HelperClassesAssert.assertHelpersAreTheCompiledClasses;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LogbackMdcHelpersTest {

  @Test
  void everyOtherCompiledClassIsAnInjectedHelper() {
    assertHelpersAreTheCompiledClasses(
        LogbackGenAiMdc.class,
        LogbackMdcInstrumentationModule.HELPERS,
        Arrays.asList(
            LogbackMdcInstrumentationModule.class.getName(),
            LoggerInstrumentation.class.getName(),
            LoggerInstrumentation.CallAppendersAdvice.class.getName(),
            LoggingEventInstrumentation.class.getName(),
            LoggingEventInstrumentation.GetMdcAdvice.class.getName(),
            LoggingEventInstrumentation.PrepareForDeferredProcessingAdvice.class.getName()));
  }
}
