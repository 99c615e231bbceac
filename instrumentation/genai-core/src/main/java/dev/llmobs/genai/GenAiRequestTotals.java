package dev.llmobs.genai;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Reads a request's GenAI totals back from its local root span, for the log lines that follow.
 *
 * <p>Why from the span: the totals include the cost, which only the cost span processor knows, and
 * that processor runs in the agent's class loader, while this helper runs in the application's. The
 * two share JDK and OpenTelemetry API types only, and the one object both hold is the span itself:
 * the processor writes the running totals onto the local root span as its attributes ({@code
 * llmobs.request.gen_ai.*}, see {@code RequestTotals} in genai-cost), and this class reads them
 * through the SDK's public {@code ReadableSpan.getAttribute(AttributeKey)}, found by reflection on
 * the span's class because the SDK is not visible from here. So the numbers in a log line are the
 * very numbers on the span, computed once. A span that is not an SDK span (no SDK, or not recorded)
 * has no totals, and nothing is added.
 */
final class GenAiRequestTotals {

  private static final ClassValue<Method> GET_ATTRIBUTE =
      new ClassValue<Method>() {
        @Override
        protected Method computeValue(Class<?> type) {
          return findGetAttribute(type);
        }
      };

  /** Adds the totals the span carries under their log keys; false when it carries none. */
  static boolean addTo(Map<String, String> keys, Span root) {
    Method getAttribute = GET_ATTRIBUTE.get(root.getClass());
    if (getAttribute == null) {
      return false;
    }
    Long calls = read(getAttribute, root, GenAiSemconv.REQUEST_CALLS);
    if (calls == null) {
      return false;
    }
    keys.put(GenAiSemconv.REQUEST_CALLS.getKey(), calls.toString());
    put(
        keys,
        GenAiSemconv.USAGE_INPUT_TOKENS,
        read(getAttribute, root, GenAiSemconv.REQUEST_INPUT_TOKENS));
    put(
        keys,
        GenAiSemconv.USAGE_OUTPUT_TOKENS,
        read(getAttribute, root, GenAiSemconv.REQUEST_OUTPUT_TOKENS));
    Double cost = read(getAttribute, root, GenAiSemconv.REQUEST_COST_AMOUNT);
    if (cost != null) {
      keys.put(GenAiSemconv.USAGE_COST_AMOUNT.getKey(), BigDecimal.valueOf(cost).toPlainString());
    }
    return true;
  }

  private static void put(Map<String, String> keys, AttributeKey<Long> key, Long value) {
    if (value != null) {
      keys.put(key.getKey(), value.toString());
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T read(Method getAttribute, Span span, AttributeKey<T> key) {
    try {
      return (T) getAttribute.invoke(span, key);
    } catch (Exception | LinkageError e) {
      return null;
    }
  }

  // The public interface method (ReadableSpan's), so that no access check depends on the SDK's
  // package-private span class.
  private static Method findGetAttribute(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> candidate : c.getInterfaces()) {
        Method found = inInterface(candidate);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static Method inInterface(Class<?> type) {
    try {
      Method method = type.getMethod("getAttribute", AttributeKey.class);
      if (method.getDeclaringClass().isInterface()
          && java.lang.reflect.Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
        return method;
      }
    } catch (NoSuchMethodException | SecurityException ignored) {
      // not this interface
    }
    for (Class<?> parent : type.getInterfaces()) {
      Method found = inInterface(parent);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private GenAiRequestTotals() {}
}
