package dev.llmobs.instrumentation.stores;

import dev.llmobs.genai.GenAiConfig;
import dev.llmobs.genai.GenAiSemconv;
import dev.llmobs.genai.GenAiStrings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses {@code otel.instrumentation.genai.stores}: entries separated by commas, each a class or
 * interface name, optionally followed by options in brackets, separated by commas or semicolons:
 *
 * <ul>
 *   <li>{@code method=operation}: the method (every overload) is that operation, one of {@code
 *       get}, {@code create}, {@code update}, {@code delete}, {@code list}, {@code cache_get}; with
 *       any such mapping, only the mapped methods are store operations;
 *   <li>{@code id=N}: the conversation id is argument N (0-based); {@code id=N.accessor}: or, when
 *       that argument is not a String, UUID or CharSequence, the value of its public no-argument
 *       method {@code accessor()}; {@code id=none}: no conversation id;
 *   <li>{@code name=...}: the store's name (default: the simple class name of the entry);
 *   <li>{@code backend=...}: the backend (default: guessed from the implementation's class).
 * </ul>
 *
 * <p>Example: {@code com.acme.ChatStore,com.acme.Cache[lookup=cache_get,save=update;id=0]}. A bad
 * entry is left out with one problem naming it; the others stand.
 */
public final class StoreSpecs {

  static final List<String> OPERATIONS =
      Collections.unmodifiableList(
          Arrays.asList(
              GenAiSemconv.STORE_GET,
              GenAiSemconv.STORE_CREATE,
              GenAiSemconv.STORE_UPDATE,
              GenAiSemconv.STORE_DELETE,
              GenAiSemconv.STORE_LIST,
              GenAiSemconv.STORE_CACHE_GET));

  private static final Pattern CLASS_NAME =
      Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)+");
  private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");
  private static final Pattern ID =
      Pattern.compile("(none)|(\\d{1,3})(\\.([\\p{L}_$][\\p{L}\\p{N}_$]*))?");
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  /** Receives one message per bad entry. */
  public interface Problems {
    void report(String message);
  }

  /** The entries of {@code value} (null or blank: none); each bad one is reported and skipped. */
  public static List<StoreSpec> parse(String value, Problems problems) {
    List<StoreSpec> specs = new ArrayList<>();
    if (value == null) {
      return specs;
    }
    for (String entry : splitEntries(value, problems)) {
      try {
        specs.add(parseEntry(entry));
      } catch (IllegalArgumentException e) {
        problems.report(problem(entry, e.getMessage()));
      }
    }
    return specs;
  }

  /** The message for a bad entry: names the entry, the option and what is wrong. */
  static String problem(String entry, String what) {
    return "llmobs: store entry '"
        + GenAiStrings.forLog(entry)
        + "' of "
        + GenAiConfig.PREFIX
        + GenAiConfig.STORES
        + " is ignored: "
        + what;
  }

  // Commas separate entries only outside brackets.
  private static List<String> splitEntries(String value, Problems problems) {
    List<String> entries = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i <= value.length(); i++) {
      char c = i == value.length() ? ',' : value.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == ',' && (depth <= 0 || i == value.length())) {
        String entry = value.substring(start, i).trim();
        if (!entry.isEmpty()) {
          entries.add(entry);
        }
        start = i + 1;
        depth = 0;
      }
    }
    return entries;
  }

  private static StoreSpec parseEntry(String entry) {
    int open = entry.indexOf('[');
    String className = (open < 0 ? entry : entry.substring(0, open)).trim();
    if (!CLASS_NAME.matcher(className).matches()) {
      throw new IllegalArgumentException(
          "'" + GenAiStrings.forLog(className) + "' is not a fully qualified class name");
    }
    Map<String, String> methods = new LinkedHashMap<>();
    int idArgument = StoreSpec.ID_FIRST_STRING;
    String idAccessor = null;
    String name = null;
    String backend = null;
    if (open >= 0) {
      if (!entry.endsWith("]")
          || entry.indexOf('[', open + 1) >= 0
          || entry.indexOf(']') != entry.length() - 1) {
        throw new IllegalArgumentException("options must be one [...] at the end of the entry");
      }
      for (String option : entry.substring(open + 1, entry.length() - 1).split("[,;]")) {
        option = option.trim();
        if (option.isEmpty()) {
          continue;
        }
        int eq = option.indexOf('=');
        if (eq <= 0 || eq == option.length() - 1) {
          throw new IllegalArgumentException(
              "'" + GenAiStrings.forLog(option) + "' is not of the form key=value");
        }
        String key = option.substring(0, eq).trim();
        String value = option.substring(eq + 1).trim();
        switch (key) {
          case "id":
            java.util.regex.Matcher id = ID.matcher(value);
            if (!id.matches()) {
              throw new IllegalArgumentException(
                  "id=" + GenAiStrings.forLog(value) + " is not none, N or N.accessor");
            }
            idArgument = id.group(1) != null ? StoreSpec.ID_NONE : Integer.parseInt(id.group(2));
            idAccessor = id.group(4);
            break;
          case "name":
            name = label(key, value);
            break;
          case "backend":
            backend = label(key, value);
            break;
          default:
            if (!IDENTIFIER.matcher(key).matches()) {
              throw new IllegalArgumentException(
                  "'" + GenAiStrings.forLog(key) + "' is not a method name");
            }
            if (!OPERATIONS.contains(value)) {
              throw new IllegalArgumentException(
                  "'"
                      + GenAiStrings.forLog(value)
                      + "' is not an operation ("
                      + String.join(", ", OPERATIONS)
                      + ")");
            }
            if (methods.put(key, value) != null) {
              throw new IllegalArgumentException("method " + key + " is mapped twice");
            }
        }
      }
    }
    return new StoreSpec(entry, className, methods, idArgument, idAccessor, name, backend);
  }

  private static String label(String key, String value) {
    if (!LABEL.matcher(value).matches()) {
      throw new IllegalArgumentException(
          key + "=" + GenAiStrings.forLog(value) + " must be 1 to 64 of [A-Za-z0-9_.:-]");
    }
    return value;
  }

  private StoreSpecs() {}
}
