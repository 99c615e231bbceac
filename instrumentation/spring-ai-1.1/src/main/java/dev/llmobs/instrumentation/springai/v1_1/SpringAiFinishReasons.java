package dev.llmobs.instrumentation.springai.v1_1;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Spring AI passes each provider's finish reason on in the provider's own spelling, often as an
 * enum name ({@code STOP}, {@code END_TURN}, {@code TOOL_CALLS}, {@code MAX_TOKENS}); the span gets
 * the semantic conventions' vocabulary: {@code stop}, {@code length}, {@code content_filter},
 * {@code tool_call}, {@code error}. A reason outside the table is kept, lower-cased.
 */
final class SpringAiFinishReasons {

  private static final Map<String, String> SEMCONV = new HashMap<>();

  static {
    for (String stop : new String[] {"stop", "end_turn", "stop_sequence", "finish", "complete"}) {
      SEMCONV.put(stop, "stop");
    }
    for (String length :
        new String[] {"length", "max_tokens", "model_context_window_exceeded", "model_length"}) {
      SEMCONV.put(length, "length");
    }
    for (String filter :
        new String[] {
          "content_filter",
          "content_filtered",
          "safety",
          "recitation",
          "blocklist",
          "prohibited_content",
          "spii",
          "guardrail_intervened",
          "refusal"
        }) {
      SEMCONV.put(filter, "content_filter");
    }
    for (String tool : new String[] {"tool_calls", "tool_call", "tool_use", "function_call"}) {
      SEMCONV.put(tool, "tool_call");
    }
    SEMCONV.put("error", "error");
  }

  /** The semantic-convention finish reason, or null for an empty one. */
  static String map(String reason) {
    if (reason == null) {
      return null;
    }
    String key = reason.trim().toLowerCase(Locale.ROOT);
    if (key.isEmpty()) {
      return null;
    }
    String mapped = SEMCONV.get(key);
    return mapped == null ? key : mapped;
  }

  private SpringAiFinishReasons() {}
}
