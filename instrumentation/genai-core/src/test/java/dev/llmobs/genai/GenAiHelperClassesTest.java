package dev.llmobs.genai;

import static dev.llmobs.genai.testing.HelperClassesAssert.assertHelpersAreTheCompiledClasses;

import dev.llmobs.genai.stainless.StainlessCalls;
import dev.llmobs.genai.stainless.StainlessServiceInstrumentation;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class GenAiHelperClassesTest {

  @Test
  void listsEveryCompiledCoreClassExceptTheListItself() {
    assertHelpersAreTheCompiledClasses(
        GenAiCall.class,
        GenAiHelperClasses.NAMES,
        // The list itself is read by the agent, never injected.
        Collections.singletonList(GenAiHelperClasses.class.getName()));
  }

  @Test
  void listsEveryCompiledStainlessClass() {
    assertHelpersAreTheCompiledClasses(
        StainlessCalls.class,
        GenAiHelperClasses.STAINLESS,
        // Agent side: the modules' type instrumentation.
        Collections.singletonList(StainlessServiceInstrumentation.class.getName()));
  }
}
