package dev.llmobs.genai;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.instrumentation.api.instrumenter.LocalRootSpan;
import java.util.HashMap;
import java.util.Map;

/**
 * The GenAI keys a log event gets, in one place for the logging modules (Logback MDC, Log4j context
 * data):
 *
 * <ul>
 *   <li>while a GenAI call runs: {@code gen_ai.provider.name}, {@code gen_ai.request.model} and
 *       {@code gen_ai.conversation.id}, those that are known;
 *   <li>while a store operation runs: its {@code gen_ai.conversation.id};
 *   <li>otherwise, in a request (a local root span) that touched a conversation or made GenAI
 *       calls: the request's {@code gen_ai.conversation.id}, the last call's provider and model,
 *       and the request's totals so far: {@code llmobs.request.gen_ai.calls}, {@code
 *       gen_ai.usage.input_tokens}, {@code gen_ai.usage.output_tokens} and {@code
 *       gen_ai.usage.cost.amount} (so an access log line names what the request used and cost).
 * </ul>
 */
public final class GenAiLogContext {

  private static final ContextKey<String> STORE_CONVERSATION =
      ContextKey.named("llmobs-store-conversation");

  /**
   * The keys for a log event made in {@code context}, or null when there are none: a new map, the
   * caller's own.
   */
  public static Map<String, String> of(Context context) {
    GenAiRequest request = GenAiCall.activeRequest(context);
    if (request != null) {
      Map<String, String> keys = new HashMap<>(4);
      put(keys, GenAiSemconv.PROVIDER_NAME.getKey(), request.providerName());
      put(keys, GenAiSemconv.REQUEST_MODEL.getKey(), request.requestModel());
      put(keys, GenAiSemconv.CONVERSATION_ID.getKey(), request.conversationId());
      return keys;
    }
    String storeConversation = context == null ? null : context.get(STORE_CONVERSATION);
    GenAiRequestState state = GenAiRequestState.find(context);
    if (storeConversation == null && state == null) {
      return null;
    }
    Map<String, String> keys = new HashMap<>(8);
    if (state != null) {
      put(keys, GenAiSemconv.CONVERSATION_ID.getKey(), state.conversationId());
      if (state.madeCalls()) {
        put(keys, GenAiSemconv.PROVIDER_NAME.getKey(), state.provider());
        put(keys, GenAiSemconv.REQUEST_MODEL.getKey(), state.model());
        Span root = LocalRootSpan.fromContextOrNull(context);
        if (root != null) {
          GenAiRequestTotals.addTo(keys, root);
        }
      }
    }
    put(keys, GenAiSemconv.CONVERSATION_ID.getKey(), storeConversation);
    return keys.isEmpty() ? null : keys;
  }

  /**
   * {@code context} for the duration of a store operation on {@code conversationId}: log events
   * made in it carry the id.
   */
  public static Context withStoreConversation(Context context, String conversationId) {
    return conversationId == null ? context : context.with(STORE_CONVERSATION, conversationId);
  }

  private static void put(Map<String, String> keys, String key, String value) {
    if (value != null) {
      keys.put(key, value);
    }
  }

  private GenAiLogContext() {}
}
