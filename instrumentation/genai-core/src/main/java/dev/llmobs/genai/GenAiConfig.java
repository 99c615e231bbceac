package dev.llmobs.genai;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.incubator.config.DeclarativeConfigProperties;
import io.opentelemetry.instrumentation.api.incubator.config.internal.DeclarativeConfigUtil;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code otel.instrumentation.genai.*} option of llmobs, with its default. Values come from
 * the agent's configuration (system properties, then environment variables such as {@code
 * OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT}, then the distro defaults). A value that
 * does not parse is logged once and the default is used: a bad option never stops the app.
 */
public final class GenAiConfig {

  public static final String PREFIX = "otel.instrumentation.genai.";

  /** Record prompts and completions on spans. Off by default: content never leaves otherwise. */
  public static final String CAPTURE_MESSAGE_CONTENT = "capture-message-content";

  public static final boolean CAPTURE_MESSAGE_CONTENT_DEFAULT = false;

  /** Largest captured message JSON, in characters, before it is truncated. */
  public static final String CAPTURE_MESSAGE_CONTENT_MAX_LENGTH = "capture-message-content.max-length";

  public static final int CAPTURE_MESSAGE_CONTENT_MAX_LENGTH_DEFAULT = 8192;

  private static final Logger logger = Logger.getLogger(GenAiConfig.class.getName());

  /** Where option values come from, keyed by the full property name. */
  public interface Source {
    String get(String propertyName);
  }

  private final Source source;

  public GenAiConfig(Source source) {
    this.source = source;
  }

  /** The configuration of the running agent, as seen by instrumentation helpers. */
  public static GenAiConfig fromAgent() {
    DeclarativeConfigProperties root =
        DeclarativeConfigUtil.getInstrumentationConfig(GlobalOpenTelemetry.get(), "genai");
    return new GenAiConfig(name -> lookup(root, name));
  }

  // Declarative config is a tree: "otel.instrumentation.genai.a.b-c" is genai -> a -> b_c.
  private static String lookup(DeclarativeConfigProperties root, String propertyName) {
    if (root == null || !propertyName.startsWith(PREFIX)) {
      return null;
    }
    String[] path = propertyName.substring(PREFIX.length()).split("\\.");
    DeclarativeConfigProperties node = root;
    for (int i = 0; i < path.length - 1 && node != null; i++) {
      node = node.getStructured(path[i].replace('-', '_'));
    }
    return node == null ? null : node.getString(path[path.length - 1].replace('-', '_'));
  }

  public boolean captureMessageContent() {
    return getBoolean(CAPTURE_MESSAGE_CONTENT, CAPTURE_MESSAGE_CONTENT_DEFAULT);
  }

  public int captureMessageContentMaxLength() {
    return getPositiveInt(
        CAPTURE_MESSAGE_CONTENT_MAX_LENGTH, CAPTURE_MESSAGE_CONTENT_MAX_LENGTH_DEFAULT);
  }

  String getString(String option) {
    try {
      String value = source.get(PREFIX + option);
      return value == null || value.trim().isEmpty() ? null : value.trim();
    } catch (RuntimeException e) {
      logger.log(Level.WARNING, "llmobs: cannot read option " + PREFIX + option, e);
      return null;
    }
  }

  boolean getBoolean(String option, boolean defaultValue) {
    String value = getString(option);
    if (value == null) {
      return defaultValue;
    }
    if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
      return Boolean.parseBoolean(value);
    }
    return invalid(option, value, "true or false", defaultValue);
  }

  int getPositiveInt(String option, int defaultValue) {
    String value = getString(option);
    if (value == null) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    return invalid(option, value, "a positive whole number", defaultValue);
  }

  private static <T> T invalid(String option, String value, String expected, T defaultValue) {
    logger.warning(
        "llmobs: option "
            + PREFIX
            + option
            + "="
            + value
            + " is not "
            + expected
            + "; using the default "
            + defaultValue);
    return defaultValue;
  }
}
