package dev.llmobs.testing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
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
   * Fails unless {@code spans} (in start order) are one tool loop under the first span: {@code
   * chatName} asking for a tool, {@code execute_tool {toolName}} (INTERNAL, a function, not failed)
   * and {@code chatName} answering, each a child of the first span.
   */
  public static void assertLoop(List<SpanData> spans, String chatName, String toolName) {
    List<String> names = new ArrayList<>();
    for (SpanData span : spans) {
      names.add(span.getName());
    }
    check(
        names.equals(Arrays.asList(names.get(0), chatName, "execute_tool " + toolName, chatName)),
        "spans " + names);
    String parent = spans.get(0).getSpanId();
    for (SpanData child : spans.subList(1, spans.size())) {
      check(
          parent.equals(child.getParentSpanId()), child.getName() + " is not a child of the first");
    }
    check(
        Arrays.asList("tool_call")
            .equals(spans.get(1).getAttributes().get(GenAiKeys.FINISH_REASONS)),
        "first chat does not finish with tool_call");
    check(
        Arrays.asList("stop").equals(spans.get(3).getAttributes().get(GenAiKeys.FINISH_REASONS)),
        "last chat does not finish with stop");
    SpanData tool = spans.get(2);
    check(tool.getKind() == SpanKind.INTERNAL, "tool span kind " + tool.getKind());
    check(tool.getStatus().getStatusCode() == StatusCode.UNSET, "tool span " + tool.getStatus());
    check("execute_tool".equals(tool.getAttributes().get(GenAiKeys.OPERATION)), "tool operation");
    check(toolName.equals(tool.getAttributes().get(GenAiKeys.TOOL_NAME)), "tool name");
    check("function".equals(tool.getAttributes().get(GenAiKeys.TOOL_TYPE)), "tool type");
  }

  private static void check(boolean condition, String failure) {
    if (!condition) {
      throw new AssertionError(failure);
    }
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
