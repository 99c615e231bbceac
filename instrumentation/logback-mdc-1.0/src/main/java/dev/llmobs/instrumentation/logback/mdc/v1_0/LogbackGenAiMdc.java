package dev.llmobs.instrumentation.logback.mdc.v1_0;

import dev.llmobs.genai.GenAiLogContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.internal.cache.Cache;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Adds the keys of the GenAI call (or request) a Logback event was logged in to the event's MDC
 * map. The event is an {@code Object} so that this helper names no Logback type.
 *
 * <p>Appenders read an event's MDC on the logging thread, while {@code Logger.callAppenders} runs:
 * the event and its keys are kept in a thread-local for that time. An event whose MDC may be read
 * later also gets an entry in a weak map: one prepared for another thread ({@code
 * prepareForDeferredProcessing}, which an {@code AsyncAppender} calls, and Logback's {@code
 * OutputStreamAppender} too) or one whose MDC no appender read (a {@code ListAppender} keeps it).
 * Such an entry outlives its event until the next young collection, which copies it: its keys are
 * kept as a bare array. (Entries of maps, one per event, made the gateway's young collections copy
 * about twice as much as the stock agent's.)
 */
public final class LogbackGenAiMdc {

  private static final ThreadLocal<EventKeys> APPENDING = new ThreadLocal<>();
  private static final Object UNCHANGED = new Object();

  // Deferred event -> its keys. Weak identity keys: without muzzle's code generation a
  // VirtualField is not available, and an entry must not keep an event alive.
  private static final Cache<Object, EventKeys> DEFERRED = Cache.weak();

  /**
   * On the logging thread, before the appenders: ties the event to the call running there. Returns
   * what {@link #appended} restores (an appender may log itself).
   */
  public static Object appending(Object event) {
    EventKeys outer = APPENDING.get();
    Map<String, String> keys = GenAiLogContext.of(Context.current());
    if (keys == null && outer == null) {
      return UNCHANGED;
    }
    if (keys != null) {
      APPENDING.set(new EventKeys(event, keys));
    } else {
      APPENDING.remove();
    }
    return outer;
  }

  /** After the appenders, with what {@link #appending} returned. */
  public static void appended(Object outer) {
    if (outer == UNCHANGED) {
      return;
    }
    EventKeys current = APPENDING.get();
    if (current != null && !current.read()) {
      // No appender read the MDC: one that keeps the event (a ListAppender) may read it later.
      defer(current);
    }
    if (outer == null) {
      APPENDING.remove();
    } else {
      APPENDING.set((EventKeys) outer);
    }
  }

  /** The event is about to be handed to another thread: its keys go with it. */
  public static void deferring(Object event) {
    EventKeys keys = APPENDING.get();
    if (keys != null && keys.event == event) {
      defer(keys);
    }
  }

  // Without the event: a weak map's value must not hold its key. An entry outlives its event until
  // the collection after it, which copies it: the keys are kept as a bare array.
  private static void defer(EventKeys keys) {
    DEFERRED.put(keys.event, new EventKeys(null, keys.pairs));
  }

  /**
   * The event's MDC map, or for an event logged during a GenAI call a read-only copy with the
   * call's keys added; entries of the application's MDC win. The original map is never modified.
   */
  public static Map<String, String> withGenAi(Object event, Map<String, String> mdc) {
    EventKeys keys = APPENDING.get();
    if (keys == null || keys.event != event) {
      keys = DEFERRED.get(event);
    }
    return keys == null ? mdc : keys.mergedWith(mdc);
  }

  /**
   * The GenAI keys of one event and its merged MDC map. Layouts, encoders and the OpenTelemetry
   * appender each read the MDC of an event (three times per event with a JSON encoder), and Logback
   * hands out the same MDC map each time: the copy is made once per map.
   */
  static final class EventKeys {

    final Object event; // null in DEFERRED
    private final String[] pairs; // key, value, key, value, ...
    private volatile Merged last;

    EventKeys(Object event, Map<String, String> keys) {
      this(event, toPairs(keys));
    }

    EventKeys(Object event, String[] pairs) {
      this.event = event;
      this.pairs = pairs;
    }

    private static String[] toPairs(Map<String, String> keys) {
      String[] pairs = new String[keys.size() * 2];
      int i = 0;
      for (Map.Entry<String, String> entry : keys.entrySet()) {
        pairs[i++] = entry.getKey();
        pairs[i++] = entry.getValue();
      }
      return pairs;
    }

    boolean read() {
      return last != null;
    }

    Map<String, String> mergedWith(Map<String, String> mdc) {
      Merged merged = last;
      if (merged == null || merged.source != mdc) {
        Map<String, String> copy = mdc == null ? new HashMap<>() : new HashMap<>(mdc);
        for (int i = 0; i < pairs.length; i += 2) {
          // The application's values win.
          if (!copy.containsKey(pairs[i])) {
            copy.put(pairs[i], pairs[i + 1]);
          }
        }
        merged = new Merged(mdc, Collections.unmodifiableMap(copy));
        last = merged;
      }
      return merged.map;
    }
  }

  private static final class Merged {
    final Map<String, String> source;
    final Map<String, String> map;

    Merged(Map<String, String> source, Map<String, String> map) {
      this.source = source;
      this.map = map;
    }
  }

  private LogbackGenAiMdc() {}
}
