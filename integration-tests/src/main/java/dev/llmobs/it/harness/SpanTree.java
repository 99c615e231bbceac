package dev.llmobs.it.harness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders received spans as one indented tree per trace, as an operator would read them. */
public final class SpanTree {

  private SpanTree() {}

  public static String render(List<ReceivedSpan> spans) {
    Map<String, List<ReceivedSpan>> byTrace =
        spans.stream()
            .sorted(Comparator.comparingLong(s -> s.span().getStartTimeUnixNano()))
            .collect(
                Collectors.groupingBy(
                    ReceivedSpan::traceId, LinkedHashMap::new, Collectors.toList()));
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, List<ReceivedSpan>> trace : byTrace.entrySet()) {
      List<ReceivedSpan> traceSpans = trace.getValue();
      out.append("trace ").append(trace.getKey()).append('\n');
      for (ReceivedSpan root : roots(traceSpans)) {
        render(root, traceSpans, 1, out);
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static List<ReceivedSpan> roots(List<ReceivedSpan> traceSpans) {
    List<String> ids = traceSpans.stream().map(ReceivedSpan::spanId).collect(Collectors.toList());
    List<ReceivedSpan> roots = new ArrayList<>();
    for (ReceivedSpan span : traceSpans) {
      if (!ids.contains(span.parentSpanId())) {
        roots.add(span);
      }
    }
    return roots;
  }

  private static void render(
      ReceivedSpan span, List<ReceivedSpan> all, int depth, StringBuilder out) {
    String indent = "  ".repeat(depth);
    out.append(indent)
        .append(span.name())
        .append("  [")
        .append(span.kind().name().replace("SPAN_KIND_", ""))
        .append(String.format(", %.1f ms", span.durationMillis()));
    if (span.span().getStatus().getCode().getNumber() == 2) {
      out.append(", ERROR");
    }
    out.append("]\n");
    span.attributes().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .filter(
            e ->
                e.getKey().startsWith("gen_ai.")
                    || e.getKey().startsWith("error.")
                    || e.getKey().startsWith("server.")
                    || e.getKey().startsWith("http.response"))
        .forEach(
            e ->
                out.append(indent)
                    .append("    ")
                    .append(e.getKey())
                    .append(" = ")
                    .append(e.getValue())
                    .append('\n'));
    for (ReceivedSpan child : all) {
      if (child.parentSpanId().equals(span.spanId())) {
        render(child, all, depth + 1, out);
      }
    }
  }
}
