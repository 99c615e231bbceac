package dev.llmobs.genai;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.incubator.config.DeclarativeConfigProperties;
import io.opentelemetry.instrumentation.api.incubator.config.internal.DeclarativeConfigUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Every {@code otel.instrumentation.genai.*} option of llmobs, with its default. Values come from
 * the agent's configuration (system properties, then environment variables such as {@code
 * OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT}, then the distro defaults). A value that does
 * not parse is logged once and the default is used: a bad option never stops the app.
 */
public final class GenAiConfig {

  public static final String PREFIX = "otel.instrumentation.genai.";

  /** Record prompts and completions on spans. Off by default: content never leaves otherwise. */
  public static final String CAPTURE_MESSAGE_CONTENT = "capture-message-content";

  public static final boolean CAPTURE_MESSAGE_CONTENT_DEFAULT = false;

  /** Largest captured message JSON, in characters, before it is truncated. */
  public static final String CAPTURE_MESSAGE_CONTENT_MAX_LENGTH =
      "capture-message-content.max-length";

  public static final int CAPTURE_MESSAGE_CONTENT_MAX_LENGTH_DEFAULT = 8192;

  /**
   * How long an open stream may go without a chunk before its span ends as abandoned: a duration
   * such as {@code 600s}, {@code 10m} or {@code 500ms} (a bare number is milliseconds).
   */
  public static final String STREAM_IDLE_TIMEOUT = "stream.idle-timeout";

  public static final long STREAM_IDLE_TIMEOUT_DEFAULT_MILLIS = 10 * 60 * 1000L;

  private static final Logger logger = Logger.getLogger(GenAiConfig.class.getName());

  /** Where option values come from, keyed by the full property name. */
  public interface Source {
    String get(String propertyName);
  }

  private final Source source;
  private final boolean reportProblems;

  /** Reads options from {@code source} without logging: bad values are reported at start once. */
  public GenAiConfig(Source source) {
    this(source, false);
  }

  private GenAiConfig(Source source, boolean reportProblems) {
    this.source = source;
    this.reportProblems = reportProblems;
  }

  /**
   * Reads every option once and logs one warning for each value that does not parse (the default is
   * used): done once at agent start, so that the modules reading options later, in the agent's and
   * the application's class loaders alike, can read them quietly.
   */
  public static void reportProblems(Source source) {
    GenAiConfig config = new GenAiConfig(source, true);
    config.captureMessageContent();
    config.captureMessageContentMaxLength();
    config.streamIdleTimeoutMillis();
    config.costEnabled();
    config.usageLogsEnabled();
    config.usageQueueSize();
    config.metricsMaxLabelValues();
    config.costRecordUnsampled();
    config.costBaggageLabels();
    config.conversationsWindowMillis();
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

  public long streamIdleTimeoutMillis() {
    return getDurationMillis(STREAM_IDLE_TIMEOUT, STREAM_IDLE_TIMEOUT_DEFAULT_MILLIS);
  }

  String getString(String option) {
    try {
      String value = source.get(PREFIX + option);
      return value == null || value.trim().isEmpty() ? null : value.trim();
    } catch (RuntimeException e) {
      if (reportProblems) {
        logger.log(Level.WARNING, "llmobs: cannot read option " + PREFIX + option, e);
      }
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

  long getDurationMillis(String option, long defaultMillis) {
    String value = getString(option);
    if (value == null) {
      return defaultMillis;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    int unitStart = 0;
    while (unitStart < lower.length() && Character.isDigit(lower.charAt(unitStart))) {
      unitStart++;
    }
    String unit = lower.substring(unitStart).trim();
    long multiplier =
        unit.isEmpty() || unit.equals("ms")
            ? 1
            : unit.equals("s")
                ? 1000
                : unit.equals("m") ? 60_000 : unit.equals("h") ? 3_600_000 : 0;
    try {
      long amount = Long.parseLong(lower.substring(0, unitStart));
      if (multiplier > 0 && amount > 0 && amount <= Long.MAX_VALUE / multiplier) {
        return amount * multiplier;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    logInvalid(
        option, value, "a positive duration such as 500ms, 30s, 10m or 1h", defaultMillis + "ms");
    return defaultMillis;
  }

  private <T> T invalid(String option, String value, String expected, T defaultValue) {
    logInvalid(option, value, expected, String.valueOf(defaultValue));
    return defaultValue;
  }

  private void logInvalid(String option, String value, String expected, String fallback) {
    if (!reportProblems) {
      return;
    }
    logger.warning(
        "llmobs: option "
            + PREFIX
            + option
            + "="
            + GenAiStrings.forLog(value)
            + " is not "
            + expected
            + "; using the default "
            + fallback);
  }

  // Cost and usage events: read by the cost span processor of genai-cost.

  /** Put cost attributes, cost metrics and usage events on GenAI spans. */
  public static final String COST_ENABLED = "cost.enabled";

  public static final boolean COST_ENABLED_DEFAULT = true;

  /** A price file laid over the built-in catalog (genai-prices schema or the flat form). */
  public static final String PRICING_FILE = "pricing.file";

  /** Append one JSON line per GenAI call to this file; unset: no file. */
  public static final String USAGE_FILE = "usage.file";

  /** Emit one OpenTelemetry log record (event {@code gen_ai.usage}) per GenAI call. */
  public static final String USAGE_LOGS_ENABLED = "usage.logs.enabled";

  public static final boolean USAGE_LOGS_ENABLED_DEFAULT = true;

  /** The baggage entry whose value is the usage event's tenant. */
  public static final String USAGE_TENANT_BAGGAGE_KEY = "usage.tenant-baggage-key";

  public static final String USAGE_TENANT_BAGGAGE_KEY_DEFAULT = "tenant";

  /** Usage events waiting for the sinks; beyond this they are dropped and counted. */
  public static final String USAGE_QUEUE_SIZE = "usage.queue-size";

  public static final int USAGE_QUEUE_SIZE_DEFAULT = 2048;

  public boolean costEnabled() {
    return getBoolean(COST_ENABLED, COST_ENABLED_DEFAULT);
  }

  /** {@code null} when unset. */
  public String pricingFile() {
    return getString(PRICING_FILE);
  }

  /** {@code null} when unset. */
  public String usageFile() {
    return getString(USAGE_FILE);
  }

  public boolean usageLogsEnabled() {
    return getBoolean(USAGE_LOGS_ENABLED, USAGE_LOGS_ENABLED_DEFAULT);
  }

  public String usageTenantBaggageKey() {
    String key = getString(USAGE_TENANT_BAGGAGE_KEY);
    return key == null ? USAGE_TENANT_BAGGAGE_KEY_DEFAULT : key;
  }

  public int usageQueueSize() {
    return getPositiveInt(USAGE_QUEUE_SIZE, USAGE_QUEUE_SIZE_DEFAULT);
  }

  // ---- Operator's view (issue 17): metric label cap, baggage labels, unsampled calls. ----

  /** Distinct values kept per metric label (models, baggage labels); later ones are _OTHER. */
  public static final String METRICS_MAX_LABEL_VALUES = "metrics.max-label-values";

  public static final int METRICS_MAX_LABEL_VALUES_DEFAULT = 100;

  /** Baggage entries that become GenAI span attributes and token and cost metric labels. */
  public static final String COST_BAGGAGE_LABELS = "cost.baggage-labels";

  /** Baggage labels taken at most: each one multiplies the metric series. */
  public static final int COST_BAGGAGE_LABELS_MAX = 8;

  /**
   * Record (without exporting) GenAI spans the sampler drops, so that cost metrics and usage events
   * count every call.
   */
  public static final String COST_RECORD_UNSAMPLED = "cost.record-unsampled";

  public static final boolean COST_RECORD_UNSAMPLED_DEFAULT = true;

  // A label name operators can use in PromQL; not one of the names our metrics already carry.
  private static final Pattern BAGGAGE_LABEL = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");

  public int metricsMaxLabelValues() {
    return getPositiveInt(METRICS_MAX_LABEL_VALUES, METRICS_MAX_LABEL_VALUES_DEFAULT);
  }

  public boolean costRecordUnsampled() {
    return getBoolean(COST_RECORD_UNSAMPLED, COST_RECORD_UNSAMPLED_DEFAULT);
  }

  /**
   * The baggage entry names to use as labels, in order, without duplicates; a name that is not a
   * usable label, or clashes with an attribute of our own, is logged and left out.
   */
  public List<String> costBaggageLabels() {
    String value = getString(COST_BAGGAGE_LABELS);
    List<String> names = new ArrayList<>();
    if (value == null) {
      return names;
    }
    for (String part : value.split(",")) {
      String name = part.trim();
      if (name.isEmpty() || names.contains(name)) {
        continue;
      }
      if (!BAGGAGE_LABEL.matcher(name).matches() || reservedLabel(name)) {
        leftOut(name, "is not a usable label name or is one of llmobs' own");
      } else if (names.size() >= COST_BAGGAGE_LABELS_MAX) {
        leftOut(name, "is beyond the first " + COST_BAGGAGE_LABELS_MAX);
      } else {
        names.add(name);
      }
    }
    return names;
  }

  private void leftOut(String name, String why) {
    if (!reportProblems) {
      return;
    }
    logger.warning(
        "llmobs: option "
            + PREFIX
            + COST_BAGGAGE_LABELS
            + ": '"
            + name.replaceAll("\\p{Cntrl}", "?")
            + "' "
            + why
            + "; it is left out");
  }

  private static boolean reservedLabel(String name) {
    return name.startsWith("gen_ai.")
        || name.startsWith("otel.")
        || name.startsWith("llmobs.")
        || name.equals(GenAiSemconv.SERVER_ADDRESS.getKey())
        || name.equals(GenAiSemconv.SERVER_PORT.getKey())
        || name.equals(GenAiSemconv.ERROR_TYPE.getKey());
  }

  // Stores: read by the store modules (genai-stores and the chat-memory modules).

  /**
   * Classes or interfaces whose methods are store operations, comma-separated, each optionally with
   * a method-to-operation map and options in brackets: {@code
   * com.acme.ChatStore,com.acme.Cache[lookup=cache_get,save=update;id=0]}. Unset: none.
   */
  public static final String STORES = "stores";

  /** The sliding window of {@code llmobs.conversations.active}: a duration such as {@code 5m}. */
  public static final String CONVERSATIONS_WINDOW = "conversations.window";

  public static final long CONVERSATIONS_WINDOW_DEFAULT_MILLIS = 5 * 60 * 1000L;

  /** {@code null} when unset. */
  public String stores() {
    return getString(STORES);
  }

  public long conversationsWindowMillis() {
    return getDurationMillis(CONVERSATIONS_WINDOW, CONVERSATIONS_WINDOW_DEFAULT_MILLIS);
  }
}
