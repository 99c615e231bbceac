package dev.llmobs.genai;

import java.util.ArrayList;
import java.util.List;

/**
 * Strings a client of the host application controls (model names, ids, stop sequences, error codes)
 * are hostile: they are capped before they become span names, attributes or metric labels, and
 * escaped before they reach a log line.
 */
public final class GenAiStrings {

  /** The longest request- or response-derived string recorded, marker included. */
  public static final int MAX_LENGTH = 256;

  /** Appended to a string that was cut. */
  public static final String TRUNCATED = "...[truncated]";

  /** {@code value}, or its first characters and {@link #TRUNCATED} when longer than the cap. */
  public static String cap(String value) {
    return cap(value, MAX_LENGTH);
  }

  /**
   * {@code value}, or its first characters and {@link #TRUNCATED} when longer than {@code
   * maxLength} (marker included; a limit shorter than the marker keeps the marker only).
   */
  public static String cap(String value, int maxLength) {
    if (value == null || value.length() <= maxLength) {
      return value;
    }
    int keep = Math.max(0, maxLength - TRUNCATED.length());
    if (keep == 0) {
      return TRUNCATED;
    }
    if (Character.isHighSurrogate(value.charAt(keep - 1))) {
      keep--;
    }
    return value.substring(0, keep) + TRUNCATED;
  }

  /**
   * Captured content ({@code value}) within the content-capture limit {@code maxLength}: null when
   * capture is off ({@code maxLength} 0) or there is no value, else cut and marked with {@link
   * #TRUNCATED} when longer, like message content.
   */
  public static String cut(String value, int maxLength) {
    if (value == null || maxLength <= 0) {
      return null;
    }
    if (value.length() <= maxLength) {
      return value;
    }
    int keep = Math.max(0, maxLength - TRUNCATED.length());
    if (keep > 0 && Character.isHighSurrogate(value.charAt(keep - 1))) {
      keep--;
    }
    return value.substring(0, keep) + TRUNCATED;
  }

  /** Each element capped; at most {@code MAX_LENGTH} elements are kept. */
  public static List<String> cap(List<String> values) {
    if (values == null) {
      return null;
    }
    List<String> capped = new ArrayList<>(Math.min(values.size(), MAX_LENGTH));
    for (String value : values) {
      if (capped.size() == MAX_LENGTH) {
        break;
      }
      capped.add(cap(value));
    }
    return capped;
  }

  /**
   * For a log line: capped, and every control or line-breaking character written as {@code \\uXXXX}
   * (or {@code \n}, {@code \r}, {@code \t}), so that a value can never start a forged log line.
   */
  public static String forLog(String value) {
    if (value == null) {
      return "null";
    }
    String capped = cap(value);
    StringBuilder out = null;
    for (int i = 0; i < capped.length(); i++) {
      char c = capped.charAt(i);
      String escape = escape(c);
      if (escape != null && out == null) {
        out = new StringBuilder(capped.length() + 16).append(capped, 0, i);
      }
      if (out != null) {
        if (escape != null) {
          out.append(escape);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? capped : out.toString();
  }

  private static String escape(char c) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
          return String.format("\\u%04x", (int) c);
        }
        return null;
    }
  }

  private GenAiStrings() {}
}
