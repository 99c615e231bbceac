package dev.llmobs.instrumentation.logback.mdc.v1_0;

import dev.llmobs.genai.GenAiLogContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.internal.cache.Cache;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers which GenAI call a Logback event was logged in and adds that call's keys to the event's
 * MDC map. The event is an {@code Object} so that this helper names no Logback type.
 */
public final class LogbackGenAiMdc {

  // Event -> the GenAI keys of the call it was logged in. Weak identity keys: without muzzle's
  // code generation a VirtualField is not available, and an entry must not keep an event alive.
  // Only events logged during a GenAI call get an entry.
  private static final Cache<Object, Map<String, String>> KEYS = Cache.weak();

  /** On the logging thread, before the appenders: ties the event to the call running there. */
  public static void capture(Object event) {
    Map<String, String> keys = GenAiLogContext.of(Context.current());
    if (keys != null) {
      KEYS.put(event, keys);
    }
  }

  /**
   * The event's MDC map, or for an event logged during a GenAI call a read-only copy with the
   * call's keys added; entries of the application's MDC win. The original map is never modified.
   */
  public static Map<String, String> withGenAi(Object event, Map<String, String> mdc) {
    Map<String, String> keys = KEYS.get(event);
    if (keys == null) {
      return mdc;
    }
    Map<String, String> copy = mdc == null ? new HashMap<>() : new HashMap<>(mdc);
    GenAiLogContext.addAbsent(copy, keys);
    return Collections.unmodifiableMap(copy);
  }

  private LogbackGenAiMdc() {}
}
