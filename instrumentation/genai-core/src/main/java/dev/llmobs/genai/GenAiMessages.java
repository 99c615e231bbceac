package dev.llmobs.genai;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code gen_ai.input.messages} / {@code gen_ai.output.messages} JSON in the semantic
 * conventions' shape: {@code [{"role":..,"parts":[..],"finish_reason":..}]}, with {@code text},
 * {@code tool_call} ({@code id}, {@code name}, {@code arguments}) and {@code tool_call_response}
 * ({@code id}, {@code response}) parts. Used only when content capture is on.
 *
 * <p>The result stays valid JSON within the size limit: the part that crosses it has its content
 * (text, arguments or response) cut and marked with {@value GenAiStrings#TRUNCATED}, and what comes
 * after it is left out. Tool-call arguments are embedded as JSON when they are one valid JSON value
 * (as models send them), else, or once cut, recorded as a string.
 */
public final class GenAiMessages {

  private final List<Message> messages = new ArrayList<>();

  /** Adds a message with one text part (none when {@code text} is null). */
  public GenAiMessages add(String role, String text, String finishReason) {
    message(role, finishReason);
    return text == null ? this : text(text);
  }

  /**
   * Starts a message; the parts added next belong to it. {@code finishReason} is null for input
   * messages.
   */
  public GenAiMessages message(String role, String finishReason) {
    messages.add(new Message(role, finishReason));
    return this;
  }

  /** A text part of the current message. */
  public GenAiMessages text(String content) {
    return part(new Part("text", null, null, "content", content, false));
  }

  /**
   * A tool call the model asked for: its id (may be null), the tool's name and the arguments as the
   * model wrote them (JSON, usually an object; may be null).
   */
  public GenAiMessages toolCall(String id, String name, String arguments) {
    return part(
        new Part(
            "tool_call",
            GenAiStrings.cap(id),
            GenAiStrings.cap(name == null ? "" : name),
            "arguments",
            arguments,
            true));
  }

  /** The result of a tool call sent back to the model: the call's id (may be null) and result. */
  public GenAiMessages toolCallResponse(String id, String response) {
    return part(
        new Part(
            "tool_call_response",
            GenAiStrings.cap(id),
            null,
            "response",
            response == null ? "" : response,
            false));
  }

  private GenAiMessages part(Part part) {
    if (messages.isEmpty()) {
      message(null, null);
    }
    messages.get(messages.size() - 1).parts.add(part);
    return this;
  }

  public boolean isEmpty() {
    return messages.isEmpty();
  }

  public String toJson(int maxLength) {
    StringBuilder json = new StringBuilder("[");
    for (Message message : messages) {
      StringBuilder one = new StringBuilder(json.length() == 1 ? "" : ",");
      one.append("{\"role\":");
      GenAiJson.string(one, message.role == null ? "unknown" : message.role);
      one.append(",\"parts\":[");
      StringBuilder suffix = new StringBuilder("]");
      if (message.finishReason != null) {
        suffix.append(",\"finish_reason\":");
        GenAiJson.string(suffix, message.finishReason);
      }
      suffix.append('}');
      int added = 0;
      boolean full = false;
      for (Part part : message.parts) {
        // + the closing ']' of the array
        int room = maxLength - json.length() - one.length() - suffix.length() - 1;
        String comma = added == 0 ? "" : ",";
        String whole = comma + part.json();
        if (whole.length() <= room) {
          one.append(whole);
          added++;
          continue;
        }
        String cut = part.cutJson(room - comma.length());
        if (cut != null) {
          one.append(comma).append(cut);
          added++;
        }
        full = true;
        break;
      }
      if (full) {
        if (added > 0) {
          json.append(one).append(suffix);
        }
        break;
      }
      if (json.length() + one.length() + suffix.length() + 1 > maxLength) {
        break;
      }
      json.append(one).append(suffix);
    }
    return json.append(']').toString();
  }

  private static final class Message {
    final String role;
    final String finishReason;
    final List<Part> parts = new ArrayList<>(1);

    Message(String role, String finishReason) {
      this.role = role;
      this.finishReason = finishReason;
    }
  }

  /** One part; its {@code value} (under {@code key}) is what gets cut when room runs out. */
  private static final class Part {
    final String type;
    final String id;
    final String name;
    final String key;
    final String value;
    final boolean valueMayBeJson;

    Part(String type, String id, String name, String key, String value, boolean valueMayBeJson) {
      this.type = type;
      this.id = id;
      this.name = name;
      this.key = key;
      this.value = value;
      this.valueMayBeJson = valueMayBeJson;
    }

    String json() {
      StringBuilder out = head();
      if (value != null) {
        out.append(",\"").append(key).append("\":");
        if (valueMayBeJson && GenAiJson.isValue(value)) {
          out.append(value.trim());
        } else {
          GenAiJson.string(out, value);
        }
      }
      return out.append('}').toString();
    }

    /** The part with its value cut to fit {@code room} characters, or null when it cannot fit. */
    String cutJson(int room) {
      StringBuilder out = head();
      if (value == null) {
        return out.length() + 1 <= room ? out.append('}').toString() : null;
      }
      out.append(",\"").append(key).append("\":");
      String cut = GenAiJson.cut(value, room - out.length() - 1);
      if (cut == null) {
        return null;
      }
      GenAiJson.string(out, cut);
      return out.append('}').toString();
    }

    private StringBuilder head() {
      StringBuilder out = new StringBuilder("{\"type\":");
      GenAiJson.string(out, type);
      if (id != null) {
        out.append(",\"id\":");
        GenAiJson.string(out, id);
      }
      if (name != null) {
        out.append(",\"name\":");
        GenAiJson.string(out, name);
      }
      return out;
    }
  }
}
