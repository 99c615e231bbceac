package dev.llmobs.genai;

/**
 * What a provider module implements so that the one shared {@link GenAiServiceAdvice} can trace its
 * SDK's service calls. Implementations are injected helpers with a public no-argument constructor,
 * listed in {@link GenAiServiceCalls}, which catches and logs anything they throw, so neither the
 * application nor the call is ever affected.
 */
public interface GenAiProviderCalls {

  /**
   * Starts the call, or returns null when it is not one to trace.
   *
   * @param params the SDK method's first argument (its params object)
   * @param clientOptions the service's {@code clientOptions} field
   * @param method the SDK method's name, such as {@code create} or {@code createStreaming}
   */
  GenAiCall start(Object params, Object clientOptions, String method);

  /**
   * Ends the call now (sync), on completion (async) or when its stream ends, and returns what the
   * SDK method returns: {@code result} itself, or a wrapper that lets the span see a stream.
   */
  Object end(GenAiCall call, Object params, Object result, Throwable error);
}
