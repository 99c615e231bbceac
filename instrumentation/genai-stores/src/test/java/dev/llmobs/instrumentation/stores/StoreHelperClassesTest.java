package dev.llmobs.instrumentation.stores;

import static dev.llmobs.genai.testing.HelperClassesAssert.assertHelpersAreTheCompiledClasses;

import dev.llmobs.genai.stores.StoreCall;
import dev.llmobs.genai.stores.StoreHelperClasses;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class StoreHelperClassesTest {

  @Test
  void everyStoreCoreClassIsAHelper() {
    assertHelpersAreTheCompiledClasses(
        StoreCall.class,
        StoreHelperClasses.NAMES,
        // The list itself is read by the agent, never injected.
        Collections.singletonList(StoreHelperClasses.class.getName()));
  }

  @Test
  void everyConfiguredStoreClassIsAHelperOrAgentSide() {
    assertHelpersAreTheCompiledClasses(
        ConfiguredStores.class,
        ConfiguredStoresInstrumentationModule.HELPERS,
        Arrays.asList(
            ConfiguredStoresInstrumentationModule.class.getName(),
            ConfiguredStoresInstrumentationModule.class.getName() + "$1",
            ConfiguredStoreInstrumentation.class.getName(),
            ConfiguredStoreAdvice.class.getName(),
            StoreEntryChecks.class.getName()));
  }
}
