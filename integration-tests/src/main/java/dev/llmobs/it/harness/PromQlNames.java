package dev.llmobs.it.harness;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression (or a Grafana {@code label_values(...)} query) reads: what
 * remains once strings, label matchers, ranges, grouping labels, functions and keywords are taken
 * out. Enough for the expressions of our dashboard and rules, not a PromQL parser.
 */
public final class PromQlNames {

  private static final Pattern STRINGS =
      Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|`[^`]*`");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern LABEL_VALUES =
      Pattern.compile("^\\s*label_values\\s*\\((.*),\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\)\\s*$");
  // Not inside another token, a number (1e3, 5m) or a Grafana variable ($model).
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![A-Za-z0-9_:.$])[A-Za-z_:][A-Za-z0-9_:]*");
  private static final Set<String> KEYWORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "offset",
          "bool",
          "and",
          "or",
          "unless",
          "atan2",
          "inf",
          "nan",
          "Inf",
          "NaN");

  private PromQlNames() {}

  public static Set<String> of(String expression) {
    String rest = expression;
    Matcher labelValues = LABEL_VALUES.matcher(rest);
    if (labelValues.matches()) {
      rest = labelValues.group(1);
    }
    rest = STRINGS.matcher(rest).replaceAll(" ");
    rest = MATCHERS.matcher(rest).replaceAll(" ");
    rest = RANGES.matcher(rest).replaceAll(" ");
    rest = GROUPING.matcher(rest).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher identifier = IDENTIFIER.matcher(rest);
    while (identifier.find()) {
      String name = identifier.group();
      String after = rest.substring(identifier.end()).stripLeading();
      if (!after.startsWith("(") && !KEYWORDS.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }
}
