package dev.llmobs.genai.stores;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The store classes a store module injects as helpers besides the GenAI core: {@code
 * GenAiHelperClasses.coreAnd(StoreHelperClasses.NAMES, ...its own...)}. Checked against the
 * compiled classes by StoreHelperClassesTest: a class missing here fails silently in production.
 */
public final class StoreHelperClasses {

  public static final List<String> NAMES =
      Collections.unmodifiableList(
          Arrays.asList(
              "dev.llmobs.genai.stores.StoreBackends",
              "dev.llmobs.genai.stores.StoreBackends$1",
              "dev.llmobs.genai.stores.StoreRequest",
              "dev.llmobs.genai.stores.StoreOutcome",
              "dev.llmobs.genai.stores.StoreSpanNames",
              "dev.llmobs.genai.stores.StoreAttributes",
              "dev.llmobs.genai.stores.StoreMetrics",
              "dev.llmobs.genai.stores.StoreMetrics$State",
              "dev.llmobs.genai.stores.ActiveConversations",
              "dev.llmobs.genai.stores.StoreInstrumenter",
              "dev.llmobs.genai.stores.StoreCall"));

  private StoreHelperClasses() {}
}
