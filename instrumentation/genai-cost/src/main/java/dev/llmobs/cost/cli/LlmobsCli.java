package dev.llmobs.cost.cli;

import dev.llmobs.cost.CostCalculator;
import dev.llmobs.cost.TokenUsage;
import dev.llmobs.cost.catalog.CatalogLoader;
import dev.llmobs.cost.catalog.PriceCatalog;
import dev.llmobs.cost.catalog.ResolvedModel;
import dev.llmobs.genai.LlmobsVersion;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The extension jar's main class: {@code java -jar llmobs-extension.jar cost --model gpt-4o --input
 * 1000 --cache-read 200 --output 500}. Prints how the model was priced, then the USD cost as a
 * plain decimal on the last line. Uses no OpenTelemetry class: it runs without the agent.
 */
public final class LlmobsCli {

  static final int OK = 0;
  static final int UNKNOWN_MODEL = 1;
  static final int BAD_ARGUMENTS = 2;

  static final String USAGE =
      "usage: java -jar llmobs-extension.jar cost --model MODEL [--provider PROVIDER]\n"
          + "         [--input N] [--cache-read N] [--cache-write N] [--output N] [--reasoning N]\n"
          + "         [--pricing-file FILE] [--at 2026-01-01T12:00:00Z]\n"
          + "  token counts as on GenAI spans: --input includes cache reads and writes,\n"
          + "  --output includes reasoning; prints the cost in USD on the last line\n"
          + "       java -jar llmobs-extension.jar --version";

  private LlmobsCli() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != OK) {
      System.exit(status);
    }
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 1 && "--version".equals(args[0])) {
      out.println(versionLine());
      return OK;
    }
    if (args.length == 0 || !"cost".equals(args[0])) {
      err.println(
          args.length == 0
              ? "llmobs: missing command"
              : "llmobs: unknown command '" + args[0] + "'");
      err.println(USAGE);
      return BAD_ARGUMENTS;
    }
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      String name = args[i];
      if ("--help".equals(name) || "-h".equals(name)) {
        out.println(USAGE);
        return OK;
      }
      if (!KNOWN_OPTIONS.contains(name)) {
        return badArguments(err, "unknown option '" + name + "'");
      }
      if (i + 1 >= args.length) {
        return badArguments(err, "option " + name + " needs a value");
      }
      options.put(name, args[++i]);
    }
    String model = options.get("--model");
    if (model == null || model.trim().isEmpty()) {
      return badArguments(err, "--model is required");
    }
    TokenUsage usage;
    long at;
    try {
      usage =
          TokenUsage.of(
              count(options, "--input"),
              count(options, "--cache-read"),
              count(options, "--cache-write"),
              count(options, "--output"),
              count(options, "--reasoning"));
      at =
          options.containsKey("--at")
              ? Instant.parse(options.get("--at")).toEpochMilli()
              : System.currentTimeMillis();
    } catch (IllegalArgumentException e) {
      return badArguments(err, e.getMessage());
    } catch (DateTimeParseException e) {
      return badArguments(err, "--at needs an ISO-8601 instant such as 2026-01-01T12:00:00Z");
    }

    PriceCatalog catalog =
        CatalogLoader.builtInWithOverrides(options.get("--pricing-file"), err::println);
    String provider = options.get("--provider");
    ResolvedModel resolved = catalog.resolve(provider, model);
    if (resolved == null) {
      err.println(
          "llmobs: unknown model '"
              + model
              + "'"
              + (provider == null ? "" : " for provider '" + provider + "'")
              + ": no price in the catalog (add it with --pricing-file)");
      return UNKNOWN_MODEL;
    }
    BigDecimal cost = CostCalculator.cost(resolved.pricesAt(at), usage);
    out.println("model: " + model + " -> " + resolved.providerId() + "/" + resolved.modelId());
    out.println("prices (USD per 1M tokens): " + resolved.pricesAt(at));
    out.println(
        "tokens: input="
            + usage.input()
            + " cache_read="
            + usage.cacheRead()
            + " cache_write="
            + usage.cacheWrite()
            + " output="
            + usage.output()
            + " reasoning="
            + usage.reasoning());
    out.println(CostCalculator.format(cost));
    return OK;
  }

  /** The same version the agent logs at start and puts on the resource. */
  static String versionLine() {
    return "llmobs " + LlmobsVersion.VERSION;
  }

  private static final java.util.List<String> KNOWN_OPTIONS =
      java.util.Arrays.asList(
          "--model",
          "--provider",
          "--input",
          "--cache-read",
          "--cache-write",
          "--output",
          "--reasoning",
          "--pricing-file",
          "--at");

  private static long count(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      return 0;
    }
    try {
      long count = Long.parseLong(value.trim());
      if (count >= 0) {
        return count;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(
        name + " needs a whole number of tokens >= 0, got '" + value + "'");
  }

  private static int badArguments(PrintStream err, String message) {
    err.println("llmobs: " + message);
    err.println(USAGE);
    return BAD_ARGUMENTS;
  }
}
