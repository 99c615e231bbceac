package dev.llmobs.cost.catalog;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A genai-prices match clause ({@code equals}, {@code starts_with}, {@code ends_with}, {@code
 * contains}, {@code regex}, {@code or}, {@code and}). Callers pass the reference already
 * lower-cased, as upstream's {@code Clause*.is_match} does.
 */
abstract class MatchClause {

  abstract boolean matches(String lowerCaseReference);

  static MatchClause equalsTo(String value) {
    String expected = value.toLowerCase(java.util.Locale.ROOT);
    return new MatchClause() {
      @Override
      boolean matches(String reference) {
        return reference.equals(expected);
      }
    };
  }

  static MatchClause startsWith(String value) {
    String prefix = value.toLowerCase(java.util.Locale.ROOT);
    return new MatchClause() {
      @Override
      boolean matches(String reference) {
        return reference.startsWith(prefix);
      }
    };
  }

  static MatchClause endsWith(String value) {
    String suffix = value.toLowerCase(java.util.Locale.ROOT);
    return new MatchClause() {
      @Override
      boolean matches(String reference) {
        return reference.endsWith(suffix);
      }
    };
  }

  static MatchClause contains(String value) {
    String part = value.toLowerCase(java.util.Locale.ROOT);
    return new MatchClause() {
      @Override
      boolean matches(String reference) {
        return reference.contains(part);
      }
    };
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
}
