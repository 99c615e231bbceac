package dev.llmobs.cost.catalog;

import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * A genai-prices match clause ({@code equals}, {@code starts_with}, {@code ends_with}, {@code
 * contains}, {@code regex}, {@code or}, {@code and}). Callers pass the reference already
 * lower-cased, as upstream's {@code Clause*.is_match} does.
 */
abstract class MatchClause {

  abstract boolean matches(String lowerCaseReference);

  static MatchClause equalsTo(String value) {
    return comparing(value, String::equals);
  }

  static MatchClause startsWith(String value) {
    return comparing(value, String::startsWith);
  }

  static MatchClause endsWith(String value) {
    return comparing(value, String::endsWith);
  }

  static MatchClause contains(String value) {
    return comparing(value, String::contains);
  }

  /** Python {@code re.search}: unanchored unless the pattern anchors itself. */
  static MatchClause regex(String value) {
    Pattern pattern = Pattern.compile(value);
    return new MatchClause() {
      @Override
      boolean matches(String reference) {
        return pattern.matcher(reference).find();
      }
    };
  }

  static MatchClause anyOf(List<MatchClause> clauses) {
    return new MatchClause() {
      @Override
      boolean matches(String reference) {
        for (MatchClause clause : clauses) {
          if (clause.matches(reference)) {
            return true;
          }
        }
        return false;
      }
    };
  }

  static MatchClause allOf(List<MatchClause> clauses) {
    return new MatchClause() {
      @Override
      boolean matches(String reference) {
        for (MatchClause clause : clauses) {
          if (!clause.matches(reference)) {
            return false;
          }
        }
        return true;
      }
    };
  }

  /** {@code test(reference, value)} with the value lower-cased once, here. */
  private static MatchClause comparing(String value, BiPredicate<String, String> test) {
    String expected = value.toLowerCase(Locale.ROOT);
    return new MatchClause() {
      @Override
      boolean matches(String reference) {
        return test.test(reference, expected);
      }
    };
  }
}
