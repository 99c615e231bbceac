package dev.llmobs.instrumentation.springai.v1_1;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads what only some Spring AI versions or providers expose, by name: accessors added in 2.0
 * (module compiled against 1.1), the providers' native usage objects (Spring AI's own records, or
 * the openai-java and anthropic-java models on 2.0, whose accessors return {@code Optional}), and a
 * model's default options field. A missing or failing accessor reads as null.
 */
final class SpringAiReflection {

  private static final Method NONE;

  static {
    try {
      NONE = Object.class.getMethod("hashCode");
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final ClassValue<Map<String, Method>> METHODS =
      new ClassValue<Map<String, Method>>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  /**
   * Follows {@code path}, one public no-argument accessor per step, from {@code target}; an {@code
   * Optional} on the way is unwrapped. Null when a step is missing, fails or yields null.
   */
  static Object path(Object target, String... path) {
    Object value = target;
    for (String name : path) {
      if (value == null) {
        return null;
      }
      Method method = accessor(value.getClass(), name);
      if (method == null) {
        return null;
      }
      try {
        value = method.invoke(value);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
      if (value instanceof Optional) {
        value = ((Optional<?>) value).orElse(null);
      }
    }
    return value;
  }

  /** {@link #path} as a whole number, or null. */
  static Long number(Object target, String... path) {
    Object value = path(target, path);
    return value instanceof Number ? ((Number) value).longValue() : null;
  }

  /**
   * The value of the first field named {@code name} of a type assignable to {@code type} on {@code
   * target}'s class or its superclasses, or null.
   */
  static <T> T field(Object target, String name, Class<T> type) {
    for (Class<?> c = target.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        if (!type.isAssignableFrom(field.getType())) {
          continue;
        }
        field.setAccessible(true);
        return type.cast(field.get(target));
      } catch (NoSuchFieldException e) {
        // look further up
      } catch (ReflectiveOperationException | RuntimeException e) {
        // inaccessible (a module system boundary, say): unknown
        return null;
      }
    }
    return null;
  }

  private static Method accessor(Class<?> type, String name) {
    Map<String, Method> methods = METHODS.get(type);
    Method method = methods.get(name);
    if (method == null) {
      method = find(type, name);
      methods.put(name, method == null ? NONE : method);
    }
    return method == NONE ? null : method;
  }

  private static Method find(Class<?> type, String name) {
    try {
      Method method = type.getMethod(name);
      if (method.getReturnType() == void.class) {
        return null;
      }
      if (!Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
        method.setAccessible(true);
      }
      return method;
    } catch (NoSuchMethodException | RuntimeException e) {
      return null;
    }
  }

  private SpringAiReflection() {}
}
