package dev.llmobs.cost.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.PatternSyntaxException;

/**
 * Reads price data: the built-in genai-prices catalog (resource {@code genai-prices.json}, see the
 * NOTICE beside it) and user files in either the same schema (a JSON array of providers) or the
 * flat form {@code {"model": {"input": 2.5, "output": 10, "cache_read": 1.25, "cache_write": 3.75,
 * "reasoning": 12}}} (USD per million tokens).
 */
public final class CatalogLoader {

  static final String BUILT_IN_RESOURCE = "genai-prices.json";

  /**
   * genai-prices price keys that span attributes can feed; others are ignored, as upstream does.
   */
  private static final String INPUT = "input_mtok";

  private static final String CACHE_READ = "cache_read_mtok";
  private static final String CACHE_WRITE = "cache_write_mtok";
  private static final String OUTPUT = "output_mtok";
  private static final String REASONING = "output_reasoning_mtok";
  private static final String REQUESTS = "requests_kcount";

  private static final List<String> FLAT_KEYS =
      Collections.unmodifiableList(
          java.util.Arrays.asList("input", "output", "cache_read", "cache_write", "reasoning"));

  private CatalogLoader() {}

  /** The vendored catalog. Fails only if the jar itself is broken. */
  public static PriceCatalog builtIn() {
    try (InputStream in = CatalogLoader.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("llmobs: price catalog resource missing from the jar");
      }
      return parse(JsonValue.parse(in));
    } catch (IOException | CatalogException e) {
      throw new IllegalStateException("llmobs: built-in price catalog unreadable", e);
    }
  }

  /** {@code base} with the prices of {@code file} laid over it. */
  public static PriceCatalog withOverrides(PriceCatalog base, Path file) throws CatalogException {
    if (Files.isDirectory(file)) {
      throw new CatalogException("is a directory, not a file");
    }
    JsonValue root;
    try (InputStream in = Files.newInputStream(file)) {
      root = parseFile(in);
    } catch (NoSuchFileException e) {
      throw new CatalogException("file not found");
    } catch (IOException e) {
      throw new CatalogException("cannot read the file: " + e, e);
    }
    if (root.isMissing()) {
      throw new CatalogException("the file is empty");
    }
    return base.overriddenBy(parse(root));
  }

  private static JsonValue parseFile(InputStream in) throws CatalogException {
    try {
      return JsonValue.parse(in);
    } catch (IOException e) {
      throw new CatalogException("not valid JSON: " + firstLine(e.getMessage()), e);
    }
  }

  /**
   * The built-in catalog with the user's file laid over it. A missing or malformed file is one
   * warning naming the file and the problem, and the built-in catalog is used: never an exception.
   */
  public static PriceCatalog builtInWithOverrides(String overrideFile, Consumer<String> warning) {
    PriceCatalog builtIn = builtIn();
    if (overrideFile == null || overrideFile.trim().isEmpty()) {
      return builtIn;
    }
    try {
      return withOverrides(builtIn, Paths.get(overrideFile.trim()));
    } catch (CatalogException | RuntimeException e) {
      warning.accept(
          "llmobs: price file "
              + overrideFile.trim()
              + " not used: "
              + e.getMessage()
              + "; using the built-in price catalog only");
      return builtIn;
    }
  }

  static PriceCatalog parse(JsonValue root) throws CatalogException {
    if (root.isArray()) {
      List<Provider> providers = new ArrayList<>();
      for (JsonValue provider : root) {
        providers.add(provider(provider));
      }
      return new PriceCatalog(providers, Collections.<String, ResolvedModel>emptyMap());
    }
    if (root.isObject()) {
      return new PriceCatalog(Collections.<Provider>emptyList(), flatOverrides(root));
    }
    throw new CatalogException(
        "expected a JSON array of providers (the genai-prices schema) or an object of"
            + " model -> prices (the flat form), found "
            + root.type());
  }

  private static Map<String, ResolvedModel> flatOverrides(JsonValue root) throws CatalogException {
    Map<String, ResolvedModel> overrides = new HashMap<>();
    for (Map.Entry<String, JsonValue> entry : root.objectFields().entrySet()) {
      String model = entry.getKey().trim().toLowerCase(Locale.ROOT);
      String where = "model '" + entry.getKey() + "'";
      JsonValue prices = entry.getValue();
      if (model.isEmpty() || !prices.isObject()) {
        throw new CatalogException(
            where + ": expected an object of prices such as" + " {\"input\": 2.5, \"output\": 10}");
      }
      for (String key : prices.objectFields().keySet()) {
        if (!FLAT_KEYS.contains(key)) {
          throw new CatalogException(
              where + ": unknown price '" + key + "', expected one of " + FLAT_KEYS);
        }
      }
      Price input = flatPrice(prices, "input", where);
      Price output = flatPrice(prices, "output", where);
      if (input == null && output == null) {
        throw new CatalogException(where + ": needs at least \"input\" or \"output\"");
      }
      ModelPrices modelPrices =
          new ModelPrices(
              input,
              flatPrice(prices, "cache_read", where),
              flatPrice(prices, "cache_write", where),
              output,
              flatPrice(prices, "reasoning", where),
              null);
      PriceSchedule schedule =
          new PriceSchedule(Collections.singletonList(new PriceSchedule.Entry(null, modelPrices)));
      overrides.put(model, new ResolvedModel(PriceCatalog.OVERRIDE_PROVIDER, model, schedule));
    }
    return overrides;
  }

  private static Price flatPrice(JsonValue prices, String key, String where)
      throws CatalogException {
    JsonValue value = prices.get(key);
    return value.isMissing() ? null : Price.flat(nonNegative(value, where + " " + key));
  }

  private static Provider provider(JsonValue node) throws CatalogException {
    String id = requiredText(node, "id", "provider");
    String where = "provider '" + id + "'";
    JsonValue models = node.get("models");
    if (!models.isArray()) {
      throw new CatalogException(where + ": \"models\" must be an array");
    }
    List<PricedModel> parsed = new ArrayList<>();
    for (JsonValue model : models) {
      parsed.add(model(model, where));
    }
    List<String> fallbacks = new ArrayList<>();
    for (JsonValue fallback : node.get("fallback_model_providers")) {
      if (fallback.isTextual()) {
        fallbacks.add(fallback.text());
      }
    }
    return new Provider(
        id.toLowerCase(Locale.ROOT),
        optionalClause(node.get("provider_match"), where + " provider_match"),
        optionalClause(node.get("model_match"), where + " model_match"),
        fallbacks,
        parsed);
  }

  private static PricedModel model(JsonValue node, String providerWhere) throws CatalogException {
    String id = requiredText(node, "id", providerWhere + " model");
    String where = providerWhere + " model '" + id + "'";
    JsonValue match = node.get("match");
    if (match.isMissing()) {
      throw new CatalogException(where + ": \"match\" is missing");
    }
    MatchClause clause = clause(match, where);
    JsonValue prices = node.get("prices");
    List<PriceSchedule.Entry> entries = new ArrayList<>();
    if (prices.isObject()) {
      entries.add(new PriceSchedule.Entry(null, modelPrices(prices, where)));
    } else if (prices.isArray() && prices.size() > 0) {
      for (JsonValue conditional : prices) {
        entries.add(
            new PriceSchedule.Entry(
                constraint(conditional.get("constraint"), where),
                modelPrices(conditional.get("prices"), where)));
      }
    } else {
      throw new CatalogException(where + ": \"prices\" must be an object or a non-empty array");
    }
    return new PricedModel(id, clause, new PriceSchedule(entries));
  }

  private static ModelPrices modelPrices(JsonValue prices, String where) throws CatalogException {
    if (!prices.isObject()) {
      throw new CatalogException(where + ": conditional \"prices\" must be an object");
    }
    return new ModelPrices(
        price(prices, INPUT, where),
        price(prices, CACHE_READ, where),
        price(prices, CACHE_WRITE, where),
        price(prices, OUTPUT, where),
        price(prices, REASONING, where),
        price(prices, REQUESTS, where));
  }

  private static Price price(JsonValue prices, String key, String where) throws CatalogException {
    JsonValue value = prices.get(key);
    if (value.isMissing()) {
      return null;
    }
    String at = where + " " + key;
    if (!value.isObject()) {
      return Price.flat(nonNegative(value, at));
    }
    BigDecimal base = nonNegative(value.get("base"), at + " base");
    JsonValue tiers = value.get("tiers");
    if (!tiers.isArray()) {
      throw new CatalogException(at + ": \"tiers\" must be an array");
    }
    List<long[]> order = new ArrayList<>();
    List<JsonValue> tierList = tiers.elements();
    for (int i = 0; i < tierList.size(); i++) {
      order.add(new long[] {tierStart(tierList.get(i), at), i});
    }
    order.sort((a, b) -> Long.compare(a[0], b[0]));
    long[] starts = new long[order.size()];
    BigDecimal[] tierPrices = new BigDecimal[order.size()];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = order.get(i)[0];
      tierPrices[i] =
          nonNegative(tierList.get((int) order.get(i)[1]).get("price"), at + " tier price");
    }
    return Price.tiered(base, starts, tierPrices);
  }

  private static long tierStart(JsonValue tier, String at) throws CatalogException {
    BigDecimal start = tier.get("start").decimal();
    try {
      if (start != null && start.signum() >= 0) {
        return start.longValueExact();
      }
    } catch (ArithmeticException notWhole) {
      // reported below
    }
    throw new CatalogException(at + ": tier \"start\" must be a whole number");
  }

  private static PriceSchedule.Constraint constraint(JsonValue node, String where)
      throws CatalogException {
    if (node.isNull()) {
      return null;
    }
    try {
      if (node.has("start_date")) {
        LocalDate date = LocalDate.parse(String.valueOf(node.get("start_date").text()));
        return PriceSchedule.startingAt(
            date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
      }
      if (node.has("start_time") && node.has("end_time")) {
        return PriceSchedule.timeOfDay(
            millisOfDay(String.valueOf(node.get("start_time").text())),
            millisOfDay(String.valueOf(node.get("end_time").text())));
      }
    } catch (DateTimeParseException e) {
      throw new CatalogException(where + ": bad constraint " + node + ": " + e.getMessage());
    }
    throw new CatalogException(where + ": unknown constraint " + node);
  }

  private static long millisOfDay(String time) {
    String local = time.endsWith("Z") ? time.substring(0, time.length() - 1) : time;
    return LocalTime.parse(local).toNanoOfDay() / 1_000_000L;
  }

  private static MatchClause optionalClause(JsonValue node, String where) throws CatalogException {
    return node.isNull() ? null : clause(node, where);
  }

  static MatchClause clause(JsonValue node, String where) throws CatalogException {
    if (!node.isObject() || node.size() != 1) {
      throw new CatalogException(
          where + ": a match clause is an object with exactly one key, got " + node);
    }
    String kind = node.objectFields().keySet().iterator().next();
    JsonValue value = node.get(kind);
    switch (kind) {
      case "equals":
        return MatchClause.equalsTo(text(value, where, kind));
      case "starts_with":
        return MatchClause.startsWith(text(value, where, kind));
      case "ends_with":
        return MatchClause.endsWith(text(value, where, kind));
      case "contains":
        return MatchClause.contains(text(value, where, kind));
      case "regex":
        try {
          return MatchClause.regex(text(value, where, kind));
        } catch (PatternSyntaxException e) {
          throw new CatalogException(where + ": bad regex " + value + ": " + e.getDescription());
        }
      case "or":
      case "and":
        if (!value.isArray()) {
          throw new CatalogException(where + ": \"" + kind + "\" needs an array of clauses");
        }
        List<MatchClause> clauses = new ArrayList<>();
        for (JsonValue child : value) {
          clauses.add(clause(child, where));
        }
        return "or".equals(kind) ? MatchClause.anyOf(clauses) : MatchClause.allOf(clauses);
      default:
        throw new CatalogException(where + ": unknown match clause '" + kind + "'");
    }
  }

  private static String text(JsonValue value, String where, String kind) throws CatalogException {
    if (!value.isTextual()) {
      throw new CatalogException(where + ": \"" + kind + "\" needs a string");
    }
    return value.text();
  }

  private static String requiredText(JsonValue node, String field, String where)
      throws CatalogException {
    String value = node.get(field).text();
    if (value == null || value.trim().isEmpty()) {
      throw new CatalogException(where + ": \"" + field + "\" must be a non-empty string");
    }
    return value.trim();
  }

  private static BigDecimal nonNegative(JsonValue value, String where) throws CatalogException {
    BigDecimal decimal = value.decimal();
    if (decimal == null) {
      throw new CatalogException(where + ": expected a number, got " + value);
    }
    if (decimal.signum() < 0) {
      throw new CatalogException(where + ": a price cannot be negative (" + decimal + ")");
    }
    return decimal;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
