package dev.llmobs.instrumentation.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.testing.junit.InstrumentationExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Finding the MCP spans a test made among everything the agent recorded. */
final class McpSpans {

  /** Waits until {@code count} spans named {@code name} of {@code kind} ended, and returns them. */
  static List<SpanData> await(
      InstrumentationExtension testing, String name, SpanKind kind, int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    List<SpanData> found;
    do {
      found = find(testing.spans(), name, kind);
      if (found.size() >= count) {
        break;
      }
      sleep(Duration.ofMillis(50));
    } while (System.nanoTime() < deadline);
    assertThat(found).as("%s %s spans", name, kind).hasSize(count);
    return found;
  }

  static List<SpanData> find(List<SpanData> spans, String name, SpanKind kind) {
    return spans.stream()
        .filter(s -> s.getName().equals(name) && s.getKind() == kind)
        .collect(Collectors.toList());
  }

  static SpanData one(InstrumentationExtension testing, String name, SpanKind kind) {
    return await(testing, name, kind, 1).get(0);
  }

  /**
   * Waits for the span named {@code name} of {@code kind} whose parent is {@code parent}: a span of
   * an earlier session (the shared client's, whose server side may end after a test began) can be
   * there too.
   */
  static SpanData childOf(
      InstrumentationExtension testing, String name, SpanKind kind, SpanData parent) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    List<SpanData> found;
    do {
      found =
          find(testing.spans(), name, kind).stream()
              .filter(s -> s.getParentSpanId().equals(parent.getSpanId()))
              .collect(Collectors.toList());
      if (!found.isEmpty()) {
        break;
      }
      sleep(Duration.ofMillis(50));
    } while (System.nanoTime() < deadline);
    assertThat(found).as("%s %s spans under %s", name, kind, parent.getName()).hasSize(1);
    return found.get(0);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private McpSpans() {}
}
