package dev.llmobs.gateway.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Gateway options: a system property such as {@code gateway.port}, else the environment variable
 * {@code GATEWAY_PORT}, else the default. Every option is listed in the README.
 */
public final class GatewayConfig {

  public static final String HOST = "gateway.host";
  public static final String PORT = "gateway.port";
  public static final String STORE = "gateway.store";
  public static final String STORE_URL = "gateway.store.url";
  public static final String OPENAI_BASE_URL = "gateway.openai.base-url";
  public static final String OPENAI_API_KEY = "gateway.openai.api-key";
  public static final String ANTHROPIC_BASE_URL = "gateway.anthropic.base-url";
  public static final String ANTHROPIC_API_KEY = "gateway.anthropic.api-key";
  public static final String GEMINI_BASE_URL = "gateway.gemini.base-url";
  public static final String GEMINI_API_KEY = "gateway.gemini.api-key";
  public static final String UPSTREAM_TIMEOUT_MS = "gateway.upstream.timeout-ms";
  public static final String UPSTREAM_MAX_RETRIES = "gateway.upstream.max-retries";
  public static final String AUTH_KEYS = "gateway.auth.keys";
  public static final String RATE_LIMIT_RPM = "gateway.rate-limit.rpm";
  public static final String MAX_REQUEST_BYTES = "gateway.max-request-bytes";
  public static final String SIMULATOR_PORT = "gateway.simulator.port";
  public static final String CACHE = "gateway.cache";
  public static final String CACHE_TTL_SECONDS = "gateway.cache.ttl-seconds";
  public static final String CACHE_MAX_ENTRIES = "gateway.cache.max-entries";

  public static final String DEFAULT_JDBC_URL = "jdbc:h2:file:./data/gateway-conversations";

  private final Function<String, String> properties;
  private final Map<String, String> env;

  public GatewayConfig(Function<String, String> properties, Map<String, String> env) {
    this.properties = properties;
    this.env = env;
  }

  public static GatewayConfig fromSystem() {
    return new GatewayConfig(System::getProperty, System.getenv());
  }

  /** Options from a map only (tests, embedding): no system properties, no environment. */
  public static GatewayConfig of(Map<String, String> options) {
    return new GatewayConfig(options::get, Map.of());
  }

  public String get(String key) {
    String value = properties.apply(key);
    if (value == null) {
      value = env.get(envName(key));
    }
    return value == null || value.isBlank() ? null : value.trim();
  }

  public String get(String key, String defaultValue) {
    String value = get(key);
    return value == null ? defaultValue : value;
  }

  public int getPort(String key, int defaultValue) {
    int port = getInt(key, defaultValue);
    if (port > 65535) {
      throw new IllegalArgumentException(
          key + "=" + port + " is not a port number (0-65535; 0 picks a free port)");
    }
    return port;
  }

  /** A non-negative integer option. */
  public int getInt(String key, int defaultValue) {
    String value = get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= 0) {
        return parsed;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(key + "=" + value + " is not a non-negative integer");
  }

  /** {@code gateway.openai.base-url} becomes {@code GATEWAY_OPENAI_BASE_URL}. */
  public static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public String host() {
    return get(HOST, "0.0.0.0");
  }

  public int port() {
    return getPort(PORT, 8080);
  }

  /** {@code memory}, {@code jdbc} or {@code redis}. */
  public String store() {
    String store = get(STORE, "memory").toLowerCase(Locale.ROOT);
    if (!Set.of("memory", "jdbc", "redis").contains(store)) {
      throw new IllegalArgumentException(STORE + "=" + store + " must be memory, jdbc or redis");
    }
    return store;
  }

  public String storeUrl() {
    return get(STORE_URL);
  }

  public String openAiBaseUrl() {
    return get(OPENAI_BASE_URL);
  }

  public String openAiApiKey() {
    return get(OPENAI_API_KEY);
  }

  public String anthropicBaseUrl() {
    return get(ANTHROPIC_BASE_URL);
  }

  public String anthropicApiKey() {
    return get(ANTHROPIC_API_KEY);
  }

  public String geminiBaseUrl() {
    return get(GEMINI_BASE_URL);
  }

  public String geminiApiKey() {
    return get(GEMINI_API_KEY);
  }

  public Duration upstreamTimeout() {
    return Duration.ofMillis(Math.max(1, getInt(UPSTREAM_TIMEOUT_MS, 60_000)));
  }

  public int upstreamMaxRetries() {
    return getInt(UPSTREAM_MAX_RETRIES, 2);
  }

  /** Client API keys; empty means authentication is off. */
  public Set<String> authKeys() {
    String keys = get(AUTH_KEYS);
    if (keys == null) {
      return Set.of();
    }
    return Arrays.stream(keys.split(","))
        .map(String::trim)
        .filter(k -> !k.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Requests a minute per client key; 0 means no limit. */
  public int rateLimitRpm() {
    return getInt(RATE_LIMIT_RPM, 0);
  }

  public int maxRequestBytes() {
    return getInt(MAX_REQUEST_BYTES, 1_048_576);
  }

  public int simulatorPort() {
    return getPort(SIMULATOR_PORT, 0);
  }
}
