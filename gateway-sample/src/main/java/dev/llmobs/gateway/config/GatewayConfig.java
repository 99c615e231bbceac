package dev.llmobs.gateway.config;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Gateway options: a system property such as {@code gateway.port}, else the environment variable
 * {@code GATEWAY_PORT}, else the default. Every option is listed in the README.
 */
public final class GatewayConfig {

  public static final String PORT = "gateway.port";
  public static final int PORT_DEFAULT = 8080;
  public static final String OPENAI_BASE_URL = "gateway.openai.base-url";
  public static final String OPENAI_API_KEY = "gateway.openai.api-key";
  public static final String SIMULATOR_PORT = "gateway.simulator.port";
  public static final int SIMULATOR_PORT_DEFAULT = 0;

  private final Function<String, String> properties;
  private final Map<String, String> env;

  public GatewayConfig(Function<String, String> properties, Map<String, String> env) {
    this.properties = properties;
    this.env = env;
  }

  public static GatewayConfig fromSystem() {
    return new GatewayConfig(System::getProperty, System.getenv());
  }

  public String get(String key) {
    String value = properties.apply(key);
    if (value == null) {
      value = env.get(envName(key));
    }
    return value == null || value.isBlank() ? null : value.trim();
  }

  public int getPort(String key, int defaultValue) {
    String value = get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(
        key + "=" + value + " is not a port number (0-65535; 0 picks a free port)");
  }

  /** {@code gateway.openai.base-url} becomes {@code GATEWAY_OPENAI_BASE_URL}. */
  public static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public int port() {
    return getPort(PORT, PORT_DEFAULT);
  }

  public String openAiBaseUrl() {
    return get(OPENAI_BASE_URL);
  }

  public String openAiApiKey() {
    return get(OPENAI_API_KEY);
  }

  public int simulatorPort() {
    return getPort(SIMULATOR_PORT, SIMULATOR_PORT_DEFAULT);
  }
}
