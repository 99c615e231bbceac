package dev.llmobs.instrumentation.mcp.v1_0;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code params._meta} property bag of a request, where MCP carries trace context: read on the
 * receiving side, and on the sending side a copy of the params with entries added. The SDK's
 * request params are immutable records (or plain maps for requests it does not model), so adding
 * means a new record: the same components, with a new {@code meta} map holding the application's
 * entries and ours. Params of another kind are left as they are.
 */
final class McpMeta {

  static final String KEY = "_meta";

  private static final ClassValue<RecordShape> SHAPES =
      new ClassValue<RecordShape>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
          return RecordShape.of(type);
        }
      };

  /** The {@code _meta} of {@code params}, or null. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> read(Object params) {
    Object meta = null;
    if (params instanceof Map) {
      meta = ((Map<?, ?>) params).get(KEY);
    } else if (params != null) {
      RecordShape shape = SHAPES.get(params.getClass());
      meta = shape == null ? null : shape.meta(params);
    }
    return meta instanceof Map ? (Map<String, Object>) meta : null;
  }

  /**
   * {@code params} with {@code added} put into its {@code _meta} (entries it has stay as they are),
   * or null when params of this kind cannot carry them. Null params become a map holding only
   * {@code _meta}.
   */
  static Object withAdded(Object params, Map<String, String> added) {
    if (params == null) {
      Map<String, Object> copy = new LinkedHashMap<>();
      copy.put(KEY, new LinkedHashMap<String, Object>(added));
      return copy;
    }
    Map<String, Object> meta = merged(read(params), added);
    if (params instanceof Map) {
      Map<Object, Object> copy = new LinkedHashMap<>((Map<?, ?>) params);
      copy.put(KEY, meta);
      return copy;
    }
    RecordShape shape = SHAPES.get(params.getClass());
    return shape == null ? null : shape.withMeta(params, meta);
  }

  private static Map<String, Object> merged(
      Map<String, Object> existing, Map<String, String> added) {
    Map<String, Object> meta =
        existing == null ? new LinkedHashMap<String, Object>() : new LinkedHashMap<>(existing);
    for (Map.Entry<String, String> entry : added.entrySet()) {
      if (!meta.containsKey(entry.getKey())) {
        meta.put(entry.getKey(), entry.getValue());
      }
    }
    return meta;
  }

  /** A record class with a {@code Map meta} component, and its canonical constructor. */
  static final class RecordShape {
    private final RecordComponent[] components;
    private final int metaIndex;
    private final Constructor<?> constructor;

    private RecordShape(RecordComponent[] components, int metaIndex, Constructor<?> constructor) {
      this.components = components;
      this.metaIndex = metaIndex;
      this.constructor = constructor;
    }

    static RecordShape of(Class<?> type) {
      try {
        if (!type.isRecord()) {
          return null;
        }
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        int metaIndex = -1;
        for (int i = 0; i < components.length; i++) {
          types[i] = components[i].getType();
          if ("meta".equals(components[i].getName()) && Map.class == types[i]) {
            metaIndex = i;
          }
        }
        if (metaIndex < 0) {
          return null;
        }
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        for (RecordComponent component : components) {
          component.getAccessor().setAccessible(true);
        }
        return new RecordShape(components, metaIndex, constructor);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }

    Object meta(Object record) {
      try {
        return components[metaIndex].getAccessor().invoke(record);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }

    Object withMeta(Object record, Map<String, Object> meta) {
      try {
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
          values[i] = i == metaIndex ? meta : components[i].getAccessor().invoke(record);
        }
        return constructor.newInstance(values);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }
  }

  private McpMeta() {}
}
