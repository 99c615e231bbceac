package dev.llmobs.testing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Reading the spans of an agent or tool loop, for the agent tests of every framework. */
public final class ToolSpans {

  private static final List<AttributeKey<String>> CONTENT =
      Arrays.asList(
          GenAiKeys.TOOL_CALL_ARGUMENTS,
          GenAiKeys.TOOL_CALL_RESULT,
          GenAiKeys.INPUT_MESSAGES,
          GenAiKeys.OUTPUT_MESSAGES,
          GenAiKeys.TOOL_DEFINITIONS);

  /** {@code spans} in the order they started. */
  public static List<SpanData> inStartOrder(Collection<SpanData> spans) {
    List<SpanData> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingLong(SpanData::getStartEpochNanos));
    return sorted;
  }

  /**
   * Fails when a span carries content, as with content capture off none may: captured messages,
   * tool definitions, tool arguments or results, or any of {@code words} (the tools' arguments and
   * results as the test sent them) anywhere in its attributes.
   */
  public static void assertNoContent(Collection<SpanData> spans, String... words) {
    for (SpanData span : spans) {
      for (AttributeKey<String> key : CONTENT) {
        if (span.getAttributes().get(key) != null) {
          throw new AssertionError(span.getName() + " has " + key + " without content capture");
        }
      }
      String attributes = span.getAttributes().toString();
      for (String word : words) {
        if (attributes.contains(word)) {
          throw new AssertionError(span.getName() + " has \"" + word + "\": " + attributes);
        }
      }
    }
  }

  private ToolSpans() {}
}
