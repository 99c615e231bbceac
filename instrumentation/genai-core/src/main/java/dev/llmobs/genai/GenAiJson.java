package dev.llmobs.genai;

/**
 * The little JSON writing the captured-content attributes need, without a JSON library (the core
 * runs in the application's class loader and brings none): string escaping, cutting text to a
 * length with the {@value #TRUNCATED} marker, and a strict check that a string a model or an
 * application produced (tool-call arguments, a parameter schema) is one JSON value, so that it can
 * be embedded as it is without ever making the attribute invalid JSON.
 */
final class GenAiJson {

  static final String TRUNCATED = GenAiStrings.TRUNCATED;

  // Deeper documents are not embedded (recorded as a string instead): bounds the recursion.
  private static final int MAX_DEPTH = 64;

  /** Appends {@code value} as a JSON string literal. */
  static void string(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  /**
   * The first characters of {@code text} and the marker, such that the escaped string literal of
   * the result takes at most {@code room} characters; null when not even the marker fits.
   */
  static String cut(String text, int room) {
    int available = room - 2 - TRUNCATED.length();
    if (available < 0) {
      return null;
    }
    int keep = 0;
    int length = 0;
    while (keep < text.length() && length + escapedLength(text.charAt(keep)) <= available) {
      length += escapedLength(text.charAt(keep));
      keep++;
    }
    if (keep > 0 && keep < text.length() && Character.isHighSurrogate(text.charAt(keep - 1))) {
      keep--;
    }
    return text.substring(0, keep) + TRUNCATED;
  }

  private static int escapedLength(char c) {
    if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t') {
      return 2;
    }
    return c < 0x20 ? 6 : 1;
  }

  /** Whether {@code text} is exactly one JSON value (surrounding whitespace allowed). */
  static boolean isValue(String text) {
    if (text == null) {
      return false;
    }
    Parser parser = new Parser(text);
    try {
      parser.whitespace();
      parser.value(0);
      parser.whitespace();
      return parser.at == text.length();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A strict recursive-descent reader that only checks (RFC 8259 grammar). */
  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    void value(int depth) {
      if (depth > MAX_DEPTH) {
        throw new IllegalArgumentException();
      }
      char c = peek();
      if (c == '{') {
        at++;
        whitespace();
        if (peek() == '}') {
          at++;
          return;
        }
        while (true) {
          whitespace();
          string();
          whitespace();
          expect(':');
          whitespace();
          value(depth + 1);
          whitespace();
          if (peek() == ',') {
            at++;
          } else {
            expect('}');
            return;
          }
        }
      } else if (c == '[') {
        at++;
        whitespace();
        if (peek() == ']') {
          at++;
          return;
        }
        while (true) {
          whitespace();
          value(depth + 1);
          whitespace();
          if (peek() == ',') {
            at++;
          } else {
            expect(']');
            return;
          }
        }
      } else if (c == '"') {
        string();
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        number();
      } else if (!literal("true") && !literal("false") && !literal("null")) {
        throw new IllegalArgumentException();
      }
    }

    private void string() {
      expect('"');
      while (true) {
        char c = next();
        if (c == '"') {
          return;
        }
        if (c < 0x20) {
          throw new IllegalArgumentException();
        }
        if (c == '\\') {
          char e = next();
          if (e == 'u') {
            for (int i = 0; i < 4; i++) {
              if (Character.digit(next(), 16) < 0) {
                throw new IllegalArgumentException();
              }
            }
          } else if ("\"\\/bfnrt".indexOf(e) < 0) {
            throw new IllegalArgumentException();
          }
        }
      }
    }

    private void number() {
      if (peek() == '-') {
        at++;
      }
      if (peek() == '0') {
        at++;
      } else {
        digits();
      }
      if (at < text.length() && text.charAt(at) == '.') {
        at++;
        digits();
      }
      if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
        at++;
        if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
          at++;
        }
        digits();
      }
    }

    private void digits() {
      int start = at;
      while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
        at++;
      }
      if (at == start) {
        throw new IllegalArgumentException();
      }
    }

    private boolean literal(String word) {
      if (text.startsWith(word, at)) {
        at += word.length();
        return true;
      }
      return false;
    }

    void whitespace() {
      while (at < text.length()) {
        char c = text.charAt(at);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
          return;
        }
        at++;
      }
    }

    private void expect(char c) {
      if (next() != c) {
        throw new IllegalArgumentException();
      }
    }

    private char peek() {
      if (at >= text.length()) {
        throw new IllegalArgumentException();
      }
      return text.charAt(at);
    }

    private char next() {
      char c = peek();
      at++;
      return c;
    }
  }

  private GenAiJson() {}
}
