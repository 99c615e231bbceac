package dev.llmobs.genai;

/**
 * Finds the provider module for an instrumented SDK service class. Adding a provider is a line here
 * plus its module.
 */
public final class GenAiServiceCalls {

  // SDK package prefix -> the provider module's GenAiProviderCalls helper.
  private static final String[][] PROVIDERS = {
    {"com.openai.", "dev.llmobs.instrumentation.openai.v2_0.OpenAiCalls"},
    {"com.anthropic.", "dev.llmobs.instrumentation.anthropic.v2_0.AnthropicCalls"},
  };

  private static final ClassValue<GenAiProviderCalls> BY_SERVICE_CLASS =
      new ClassValue<GenAiProviderCalls>() {
        @Override
        protected GenAiProviderCalls computeValue(Class<?> serviceClass) {
          return lookup(serviceClass.getName());
        }
      };

  public static GenAiCall start(
      Object service, Object params, Object clientOptions, String method) {
    try {
      GenAiProviderCalls provider =
          service == null ? null : BY_SERVICE_CLASS.get(service.getClass());
      return provider == null ? null : provider.start(params, clientOptions, method);
    } catch (Throwable t) {
      GenAiCall.logFailure(t);
      return null;
    }
  }

  public static Object end(
      GenAiCall call, Object service, Object params, Object result, Throwable error) {
    try {
      return BY_SERVICE_CLASS.get(service.getClass()).end(call, params, result, error);
    } catch (Throwable t) {
      GenAiCall.logFailure(t);
      call.exit(null, error);
      return result;
    }
  }

  private static GenAiProviderCalls lookup(String serviceClassName) {
    for (String[] provider : PROVIDERS) {
      if (serviceClassName.startsWith(provider[0])) {
        try {
          // Injected into the same class loader as this class.
          return (GenAiProviderCalls)
              Class.forName(provider[1], true, GenAiServiceCalls.class.getClassLoader())
                  .getConstructor()
                  .newInstance();
        } catch (Throwable t) {
          GenAiCall.logFailure(t);
          return null;
        }
      }
    }
    return null;
  }

  private GenAiServiceCalls() {}
}
