package dev.llmobs.instrumentation.googlegenai;

import com.google.genai.Client;
import com.google.genai.types.HttpOptions;
import java.lang.reflect.Method;

/**
 * The SDK-specific set-up of the agent tests: real google-genai clients, in Gemini Developer API or
 * Vertex AI (express, API key) mode, pointed at the fake server through the base URL override.
 */
final class GeminiClients {

  static Client gemini(String baseUrl, Integer timeoutMillis) {
    return Client.builder()
        .apiKey(FakeGemini.API_KEY)
        .httpOptions(options(baseUrl, timeoutMillis))
        .build();
  }

  static Client vertex(String baseUrl) {
    return Client.builder()
        .vertexAI(true)
        .apiKey(FakeGemini.API_KEY)
        .httpOptions(options(baseUrl, null))
        .build();
  }

  /**
   * The base URL, an optional timeout, and (from the SDK versions that retry 429 and 5xx by
   * default, with back-off) a single attempt, so that one fake answer is one call.
   */
  static HttpOptions options(String baseUrl, Integer timeoutMillis) {
    HttpOptions.Builder builder = HttpOptions.builder().baseUrl(baseUrl);
    if (timeoutMillis != null) {
      builder.timeout(timeoutMillis);
    }
    singleAttempt(builder);
    return builder.build();
  }

  private static void singleAttempt(HttpOptions.Builder builder) {
    Class<?> retryOptions;
    try {
      retryOptions = Class.forName("com.google.genai.types.HttpRetryOptions");
    } catch (ClassNotFoundException e) {
      return; // this SDK version does not retry
    }
    try {
      Object retryBuilder = retryOptions.getMethod("builder").invoke(null);
      Method attempts = retryBuilder.getClass().getMethod("attempts", Integer.class);
      attempts.setAccessible(true);
      attempts.invoke(retryBuilder, 1);
      Method build = retryBuilder.getClass().getMethod("build");
      build.setAccessible(true);
      Object single = build.invoke(retryBuilder);
      HttpOptions.Builder.class.getMethod("retryOptions", retryOptions).invoke(builder, single);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot turn the SDK's retries off", e);
    }
  }

  private GeminiClients() {}
}
