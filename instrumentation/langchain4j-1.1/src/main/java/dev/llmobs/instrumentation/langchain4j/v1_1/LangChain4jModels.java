package dev.llmobs.instrumentation.langchain4j.v1_1;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * What a model object tells beyond LangChain4j's interfaces, read reflectively (looked up once per
 * class) because it differs between versions and provider modules: its {@code provider()} (on
 * embedding models only since 1.19), its model name when no request parameter carries one, and the
 * base URL of its HTTP client for {@code server.address}/{@code server.port}. The provider modules
 * keep their client in a {@code client} (or {@code asyncClient}) field: LangChain4j's own HTTP
 * clients have a {@code baseUrl} field, the openai-java client of langchain4j-open-ai-official its
 * {@code clientOptions.baseUrl()}; anything else simply yields null.
 */
final class LangChain4jModels {

  // EmbeddingModel.modelName()'s default answer: no name at all.
  private static final String UNKNOWN_MODEL = "unknown";

  private static final ClassValue<Method> PROVIDER = method("provider");
  private static final ClassValue<Method> MODEL_NAME = method("modelName");
  private static final ClassValue<Field> MODEL_NAME_FIELD = field("modelName");
  private static final ClassValue<Field> CLIENT_FIELD = field("client");
  private static final ClassValue<Field> ASYNC_CLIENT_FIELD = field("asyncClient");
  private static final ClassValue<Field> BASE_URL_FIELD = field("baseUrl");
  private static final ClassValue<Field> CLIENT_OPTIONS_FIELD = field("clientOptions");
  private static final ClassValue<Method> BASE_URL = method("baseUrl");

  /** The name of the {@code ModelProvider} constant {@code model.provider()} answers, or null. */
  static String providerConstant(Object model) {
    Object provider = call(model, PROVIDER);
    return provider instanceof Enum ? ((Enum<?>) provider).name() : null;
  }

  /** The model name the model object itself holds, or null. */
  static String modelName(Object model) {
    Object name = call(model, MODEL_NAME);
    if (!(name instanceof String) || UNKNOWN_MODEL.equals(name)) {
      name = read(model, MODEL_NAME_FIELD);
    }
    return name instanceof String && !UNKNOWN_MODEL.equals(name) ? (String) name : null;
  }

  /** The base URL of the model's HTTP client, or null. */
  static String baseUrl(Object model) {
    Object client = read(model, CLIENT_FIELD);
    if (client == null) {
      client = read(model, ASYNC_CLIENT_FIELD);
    }
    Object baseUrl = read(client, BASE_URL_FIELD);
    if (baseUrl == null) {
      // A client of a Stainless SDK (openai-java for langchain4j-open-ai-official).
      baseUrl = call(read(client, CLIENT_OPTIONS_FIELD), BASE_URL);
    }
    return baseUrl == null ? null : baseUrl.toString();
  }

  /** What {@code method} (of {@link #method}) returns for {@code target}, or null. */
  static Object call(Object target, ClassValue<Method> method) {
    return target == null ? null : invoke(method.get(target.getClass()), target);
  }

  /** The value of {@code field} (of {@link #field}) in {@code target}, or null. */
  static Object read(Object target, ClassValue<Field> field) {
    return target == null ? null : value(field.get(target.getClass()), target);
  }

  /** A public no-argument method by name, callable even when its class is not public. */
  static ClassValue<Method> method(final String name) {
    return new ClassValue<Method>() {
      @Override
      protected Method computeValue(Class<?> type) {
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
    };
  }

  /** An instance field by name, declared by the class or a superclass. */
  static ClassValue<Field> field(final String name) {
    return new ClassValue<Field>() {
      @Override
      protected Field computeValue(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
          try {
            Field field = c.getDeclaredField(name);
            if (Modifier.isStatic(field.getModifiers())) {
              return null;
            }
            // Fails where the application's module does not open the package: then no value.
            field.setAccessible(true);
            return field;
          } catch (NoSuchFieldException e) {
            // look in the superclass
          } catch (RuntimeException e) {
            return null;
          }
        }
        return null;
      }
    };
  }

  private static Object invoke(Method method, Object target) {
    if (method == null) {
      return null;
    }
    try {
      return method.invoke(target);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static Object value(Field field, Object target) {
    if (field == null) {
      return null;
    }
    try {
      return field.get(target);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private LangChain4jModels() {}
}
