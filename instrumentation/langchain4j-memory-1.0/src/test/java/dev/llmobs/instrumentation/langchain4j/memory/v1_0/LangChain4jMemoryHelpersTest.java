package dev.llmobs.instrumentation.langchain4j.memory.v1_0;

import static dev.llmobs.genai.testing.HelperClassesAssert.assertHelpersAreTheCompiledClasses;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LangChain4jMemoryHelpersTest {

  @Test
  void everyOtherCompiledClassIsAnInjectedHelper() {
    assertHelpersAreTheCompiledClasses(
        LangChain4jMemory.class,
        LangChain4jMemoryInstrumentationModule.HELPERS,
        Arrays.asList(
            LangChain4jMemoryInstrumentationModule.class.getName(),
            ChatMemoryStoreInstrumentation.class.getName(),
            ChatMemoryStoreInstrumentation.StoreAdvice.class.getName()));
  }
}
