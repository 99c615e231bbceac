package dev.llmobs.instrumentation.springai.memory.v1_0;

import static dev.llmobs.genai.testing.HelperClassesAssert.assertHelpersAreTheCompiledClasses;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpringAiMemoryHelpersTest {

  @Test
  void everyOtherCompiledClassIsAnInjectedHelper() {
    assertHelpersAreTheCompiledClasses(
        SpringAiMemory.class,
        SpringAiMemoryInstrumentationModule.HELPERS,
        Arrays.asList(
            SpringAiMemoryInstrumentationModule.class.getName(),
            ChatMemoryRepositoryInstrumentation.class.getName(),
            ChatMemoryRepositoryInstrumentation.RepositoryAdvice.class.getName()));
  }
}
