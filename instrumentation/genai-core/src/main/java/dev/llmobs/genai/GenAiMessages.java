package dev.llmobs.genai;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code gen_ai.input.messages} / {@code gen_ai.output.messages} JSON in the semantic
 * conventions' shape: {@code
 * [{"role":..,"parts":[{"type":"text","content":..}],"finish_reason":..}]}. Used only when content
 * capture is on. The result stays valid JSON within the size limit: text is cut (marked with
 * {@value #TRUNCATED}) and messages that no longer fit are left out.
 */
public final class GenAiMessages {

  static final String TRUNCATED = "...[truncated]";

  private final List<String[]> messages = new ArrayList<>();

  /** Adds a message with one text part; {@code finishReason} may be null (input messages). */
  public GenAiMessages add(String role, String text, String finishReason) {
    messages.add(new String[] {role, text, finishReason});
    return this;
  }

  public boolean isEmpty() {
    return messages.isEmpty();
  }

  public String toJson(int maxLength) {
    StringBuilder json = new StringBuilder("[");
    for (String[] message : messages) {
      StringBuilder one = new StringBuilder(json.length() == 1 ? "" : ",");
      one.append("{\"role\":");
      string(one, message[0] == null ? "unknown" : message[0]);
      one.append(",\"parts\":[");
      int prefixEnd = one.length();
      StringBuilder suffix = new StringBuilder("]");
      if (message[2] != null) {
        suffix.append(",\"finish_reason\":");
        string(suffix, message[2]);
      }
      suffix.append('}');
      int fixed = json.length() + one.length() + suffix.length() + 1; // + closing ']'
      String text = message[1];
      if (text != null) {
        StringBuilder part = new StringBuilder("{\"type\":\"text\",\"content\":");
        string(part, text);
        part.append('}');
        if (fixed + part.length() > maxLength) {
          int room =
              maxLength
                  - fixed
                  - "{\"type\":\"text\",\"content\":\"\"}".length()
                  - TRUNCATED.length();
          if (room <= 0) {
            break;
          }
          part = new StringBuilder("{\"type\":\"text\",\"content\":");
          string(part, cut(text, room) + TRUNCATED);
          part.append('}');
          // Escaping may have grown the text; stop rather than exceed the limit.
          if (fixed + part.length() > maxLength) {
            break;
          }
        }
        one.insert(prefixEnd, part);
      } else if (fixed > maxLength) {
        break;
      }
      json.append(one).append(suffix);
    }
    return json.append(']').toString();
  }

  private static String cut(String text, int room) {
    // Escapes take up to six characters each; leave room for them.
    int keep = Math.max(0, Math.min(text.length(), room / 6 * 5));
    if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
      keep--;
    }
    return text.substring(0, keep);
  }

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
}
