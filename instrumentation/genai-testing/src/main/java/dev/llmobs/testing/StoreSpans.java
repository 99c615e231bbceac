package dev.llmobs.testing;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Store spans as one line each, for the store agent tests' assertions. */
public final class StoreSpans {

  /** Every span of {@code traces}, in the order they started. */
  public static List<SpanData> inOrder(List<List<SpanData>> traces) {
    return traces.stream()
        .flatMap(List::stream)
        .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
        .collect(Collectors.toList());
  }

  /** {@code "{name} conv={id} count={count} backend={backend}"}. */
  public static String describe(SpanData span) {
    return span.getName()
        + " conv="
        + span.getAttributes().get(GenAiKeys.CONVERSATION_ID)
        + " count="
        + span.getAttributes().get(GenAiKeys.STORE_MESSAGE_COUNT)
        + " backend="
        + span.getAttributes().get(GenAiKeys.STORE_BACKEND);
  }

  private StoreSpans() {}
}
