package dev.llmobs.genai;

import io.opentelemetry.context.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * The GenAI keys a log event gets while a GenAI call runs: {@code gen_ai.provider.name}, {@code
 * gen_ai.request.model} and {@code gen_ai.conversation.id}, those that are known. The logging
 * modules (Logback MDC, Log4j context data) take them from here, in one place.
 */
public final class GenAiLogContext {

  /** The keys for a log event made in {@code context}, or null when no GenAI call runs there. */
  public static Map<String, String> of(Context context) {
    GenAiRequest request = GenAiCall.activeRequest(context);
    if (request == null) {
      return null;
    }
    Map<String, String> keys = new HashMap<>(4);
    put(keys, GenAiSemconv.PROVIDER_NAME.getKey(), request.providerName());
    put(keys, GenAiSemconv.REQUEST_MODEL.getKey(), request.requestModel());
    put(keys, GenAiSemconv.CONVERSATION_ID.getKey(), request.conversationId());
    return keys;
  }

  /** Adds the entries of {@code keys} that {@code mdc} lacks: the application's values win. */
  public static void addAbsent(Map<String, String> mdc, Map<String, String> keys) {
    for (Map.Entry<String, String> entry : keys.entrySet()) {
      if (!mdc.containsKey(entry.getKey())) {
        mdc.put(entry.getKey(), entry.getValue());
      }
    }
  }

  private static void put(Map<String, String> keys, String key, String value) {
    if (value != null) {
      keys.put(key, value);
    }
  }

  private GenAiLogContext() {}
}
