package dev.llmobs.genai.stores;

import dev.llmobs.genai.GenAiSemconv;
import java.util.Locale;

/**
 * Names the backend of a store from its class: {@code redis}, {@code jdbc} or {@code memory} when
 * the class's simple name or its package's last segment says so (RedisConversationStore,
 * JdbcChatMemoryRepository, InMemoryChatMemoryStore, ...), else the class's simple name. Bounded:
 * one value per class.
 */
public final class StoreBackends {

  private static final String[] REDIS = {"redis", "jedis", "lettuce", "redisson", "valkey"};
  private static final String[] JDBC = {
    "jdbc", "jpa", "sql", "postgres", "mysql", "mariadb", "oracle", "hsql", "derby", "hibernate"
  };

  /** A class's simple name and backend, worked out once per class. */
  static final ClassValue<String[]> NAMES =
      new ClassValue<String[]>() {
        @Override
        protected String[] computeValue(Class<?> type) {
          return new String[] {simpleName(type), of(type)};
        }
      };

  public static String of(Class<?> type) {
    String simple = simpleName(type);
    // The simple name and the last package segment (...repository.jdbc.JdbcChatMemoryRepository).
    String packageName = type.getName().substring(0, Math.max(0, type.getName().lastIndexOf('.')));
    String name =
        (packageName.substring(packageName.lastIndexOf('.') + 1) + "." + simple)
            .toLowerCase(Locale.ROOT);
    if (containsAny(name, REDIS)) {
      return GenAiSemconv.BACKEND_REDIS;
    }
    if (containsAny(name, JDBC)) {
      return GenAiSemconv.BACKEND_JDBC;
    }
    if (simple.toLowerCase(Locale.ROOT).contains("inmemory")) {
      return GenAiSemconv.BACKEND_MEMORY;
    }
    return simple;
  }

  /** The simple name, also for nested, anonymous and lambda classes. */
  public static String simpleName(Class<?> type) {
    return simpleName(type.getName());
  }

  /**
   * The part of a binary class name after its package and enclosing classes; for a generated
   * subclass (a CGLIB proxy {@code Foo$$SpringCGLIB$$0}, a lambda) the name it was made from.
   */
  public static String simpleName(String className) {
    int generated = className.indexOf("$$");
    if (generated > 0) {
      className = className.substring(0, generated);
    }
    String simple = className.substring(className.lastIndexOf('.') + 1);
    int nested = simple.lastIndexOf('$');
    if (nested >= 0
        && nested < simple.length() - 1
        && !Character.isDigit(simple.charAt(nested + 1))) {
      simple = simple.substring(nested + 1);
    }
    return simple;
  }

  private static boolean containsAny(String value, String[] words) {
    for (String word : words) {
      if (value.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private StoreBackends() {}
}
