package dev.llmobs.instrumentation.stores;

import dev.llmobs.genai.GenAiConfig;
import dev.llmobs.genai.GenAiHelperClasses;
import dev.llmobs.genai.stores.StoreHelperClasses;
import io.opentelemetry.instrumentation.api.internal.cache.Cache;
import io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The stores named by {@code otel.instrumentation.genai.stores}: every class that is, extends or
 * implements an entry gets store spans and metrics for its store methods. The entries are only
 * known at run time: they are read when the agent asks for the type instrumentations (the agent's
 * configuration is in place by then). A bad entry is one warning naming it; the others work.
 * Disable with {@code -Dotel.instrumentation.llmobs-stores.enabled=false}.
 */
public final class ConfiguredStoresInstrumentationModule extends InstrumentationModule {

  static final String PACKAGE = "dev.llmobs.instrumentation.stores";

  private static final Logger logger =
      Logger.getLogger(ConfiguredStoresInstrumentationModule.class.getName());

  // Helpers injected into the application's class loader, besides the GenAI core and the store
  // core. Names as strings: the agent must never load what it injects.
  static final List<String> HELPERS =
      Collections.unmodifiableList(
          Arrays.asList(
              PACKAGE + ".StoreSpec",
              PACKAGE + ".StoreSpecs",
              PACKAGE + ".StoreSpecs$Problems",
              PACKAGE + ".ConfiguredStores",
              PACKAGE + ".ConfiguredStores$1",
              PACKAGE + ".ConfiguredStores$Binding"));

  private volatile List<StoreEntryChecks> entries;
  private final Cache<ClassLoader, Boolean> loaders = Cache.weak();

  public ConfiguredStoresInstrumentationModule() {
    super("llmobs-stores", "llmobs-genai-stores");
  }

  private List<StoreEntryChecks> entries() {
    List<StoreEntryChecks> result = entries;
    if (result == null) {
      synchronized (this) {
        result = entries;
        if (result == null) {
          result = new ArrayList<>();
          for (StoreSpec spec :
              StoreSpecs.parse(GenAiConfig.fromAgent().stores(), logger::warning)) {
            StoreEntryChecks checks = new StoreEntryChecks(spec);
            checks.atStart(ClassLoader.getSystemClassLoader());
            result.add(checks);
          }
          entries = result;
        }
      }
    }
    return result;
  }

  @Override
  public ElementMatcher.Junction<ClassLoader> classLoaderMatcher() {
    // Only class loaders that have at least one configured class; each is looked at once.
    return new ElementMatcher.Junction.AbstractBase<ClassLoader>() {
      @Override
      public boolean matches(ClassLoader loader) {
        if (loader == null || entries().isEmpty()) {
          return false;
        }
        return loaders.computeIfAbsent(loader, l -> hasAnyEntry(l));
      }
    };
  }

  private boolean hasAnyEntry(ClassLoader loader) {
    boolean any = false;
    for (StoreEntryChecks checks : entries()) {
      any |= checks.inLoader(loader);
    }
    return any;
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    List<TypeInstrumentation> instrumentations = new ArrayList<>();
    for (StoreEntryChecks checks : entries()) {
      instrumentations.add(new ConfiguredStoreInstrumentation(checks));
    }
    return instrumentations;
  }

  @Override
  public List<String> getAdditionalHelperClassNames() {
    return GenAiHelperClasses.coreAnd(StoreHelperClasses.NAMES, HELPERS);
  }
}
