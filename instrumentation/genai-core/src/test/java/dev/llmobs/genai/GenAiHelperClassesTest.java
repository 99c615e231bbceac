package dev.llmobs.genai;

import static dev.llmobs.genai.testing.HelperClassesAssert.assertHelpersAreTheCompiledClasses;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GenAiHelperClassesTest {

  @Test
  void listsEveryCompiledCoreClassExceptItselfAndTheAdvice() {
    assertHelpersAreTheCompiledClasses(
        GenAiCall.class,
        GenAiHelperClasses.NAMES,
        // The list itself is read by the agent; the advice is inlined, never injected.
        Arrays.asList(GenAiHelperClasses.class.getName(), GenAiServiceAdvice.class.getName()));
  }
}
