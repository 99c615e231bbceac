package dev.llmobs.gateway.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import redis.clients.jedis.JedisPooled;

/**
 * The machine's PostgreSQL and Redis, when reachable: the default loopback URLs or the ones in
 * {@code LLMOBS_TEST_POSTGRES_URL} / {@code LLMOBS_TEST_REDIS_URL}. Tests skip with the reason when
 * not.
 */
public final class TestDatabases {

  public static final String POSTGRES_URL =
      env("LLMOBS_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  public static final String REDIS_URL = env("LLMOBS_TEST_REDIS_URL", "redis://127.0.0.1:6379");

  private TestDatabases() {}

  /** Empty when PostgreSQL answers, else why not. */
  public static Optional<String> postgresUnavailable() {
    try {
      DriverManager.setLoginTimeout(3);
      try (Connection connection = DriverManager.getConnection(POSTGRES_URL)) {
        connection.isValid(3);
        return Optional.empty();
      }
    } catch (SQLException e) {
      return Optional.of(
          "PostgreSQL not reachable at "
              + redact(POSTGRES_URL)
              + " (set LLMOBS_TEST_POSTGRES_URL): "
              + e.getMessage());
    }
  }

  public static Optional<String> redisUnavailable() {
    try (JedisPooled redis = new JedisPooled(java.net.URI.create(REDIS_URL), 2_000)) {
      redis.ping();
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(
          "Redis not reachable at "
              + redact(REDIS_URL)
              + " (set LLMOBS_TEST_REDIS_URL): "
              + e.getMessage());
    }
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@");
  }

  private static String env(String name, String defaultValue) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? defaultValue : value;
  }
}
