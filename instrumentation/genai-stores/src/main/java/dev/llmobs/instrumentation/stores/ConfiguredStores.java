package dev.llmobs.instrumentation.stores;

import dev.llmobs.genai.GenAiConfig;
import dev.llmobs.genai.GenAiFailures;
import dev.llmobs.genai.stores.StoreBackends;
import dev.llmobs.genai.stores.StoreCall;
import dev.llmobs.genai.stores.StoreRequest;
import java.util.List;

/**
 * The application side of the configured stores: which entry a store object's class falls under
 * (once per class), and what one call of one of its methods is.
 */
public final class ConfiguredStores {

  static final String MODULE = "genai-stores";

  private static volatile List<StoreSpec> specs;

  private static final ClassValue<Binding> BINDINGS =
      new ClassValue<Binding>() {
        @Override
        protected Binding computeValue(Class<?> type) {
          return bind(type);
        }
      };

  /** Called by the advice when a store method is entered; null when it is no store operation. */
  public static StoreCall start(Object store, String method, Object[] args) {
    try {
      Binding binding = BINDINGS.get(store.getClass());
      String operation = binding == null ? null : binding.spec.operation(method);
      if (operation == null) {
        return null;
      }
      StoreRequest request =
          new StoreRequest(operation, binding.spec.storeName(), binding.backend, store)
              .conversationId(binding.spec.conversationId(args))
              .messageCount(StoreRequest.countOf(args));
      return StoreCall.start(MODULE, request);
    } catch (Throwable t) {
      GenAiFailures.record(MODULE, t);
      return null;
    }
  }

  private static List<StoreSpec> specs() {
    List<StoreSpec> result = specs;
    if (result == null) {
      // The agent side has reported the bad entries already.
      result = StoreSpecs.parse(GenAiConfig.fromAgent().stores(), message -> {});
      specs = result;
    }
    return result;
  }

  // The first entry, in the order configured, that names the class or one of its supertypes.
  private static Binding bind(Class<?> type) {
    for (StoreSpec spec : specs()) {
      if (hasSuperType(type, spec.className())) {
        String backend = spec.backend() != null ? spec.backend() : StoreBackends.of(type);
        return new Binding(spec, backend);
      }
    }
    return null;
  }

  static boolean hasSuperType(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getName().equals(name) || hasInterface(c, name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasInterface(Class<?> type, String name) {
    for (Class<?> candidate : type.getInterfaces()) {
      if (candidate.getName().equals(name) || hasInterface(candidate, name)) {
        return true;
      }
    }
    return false;
  }

  private static final class Binding {
    final StoreSpec spec;
    final String backend;

    Binding(StoreSpec spec, String backend) {
      this.spec = spec;
      this.backend = backend;
    }
  }

  private ConfiguredStores() {}
}
