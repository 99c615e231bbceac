package dev.llmobs.genai;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds the distinct values a metric label can take, so that values a client controls (model
 * names, baggage entries) cannot grow the metric series without end. The first {@code
 * maxValuesPerLabel} distinct values of each label are kept as they are; every later new value, and
 * any value longer than {@link #MAX_VALUE_LENGTH}, becomes {@link #OVERFLOW}. Memory is bounded by
 * {@link #MAX_LABELS} labels times {@code maxValuesPerLabel} values of bounded length. Safe for
 * concurrent use; the fast path (a value already kept) takes no lock.
 */
public final class MetricLabelCap {

  /** The value that stands for every value beyond the cap. */
  public static final String OVERFLOW = "_OTHER";

  /** Longer values are never kept as labels. */
  public static final int MAX_VALUE_LENGTH = 256;

  /** Labels tracked at most; label names come from our code and the configuration, not clients. */
  static final int MAX_LABELS = 64;

  private final int maxValuesPerLabel;
  private final Map<String, Values> labels = new ConcurrentHashMap<>();

  public MetricLabelCap(int maxValuesPerLabel) {
    if (maxValuesPerLabel < 1) {
      throw new IllegalArgumentException("maxValuesPerLabel must be positive");
    }
    this.maxValuesPerLabel = maxValuesPerLabel;
  }

  /**
   * {@code value} when it is one of the values kept for {@code label} or there is room for it, else
   * {@link #OVERFLOW}; {@code null} stays {@code null}.
   */
  public String cap(String label, String value) {
    if (value == null) {
      return null;
    }
    if (value.length() > MAX_VALUE_LENGTH) {
      return OVERFLOW;
    }
    Values values = labels.get(label);
    if (values == null) {
      if (labels.size() >= MAX_LABELS) {
        return OVERFLOW;
      }
      values = labels.computeIfAbsent(label, unused -> new Values());
    }
    return values.admit(value, maxValuesPerLabel) ? value : OVERFLOW;
  }

  int maxValuesPerLabel() {
    return maxValuesPerLabel;
  }

  static final class Values {
    private final Map<String, Boolean> kept = new ConcurrentHashMap<>();
    // Once full, always full (nothing is evicted): overflowing values then take no lock either.
    private volatile boolean full;

    boolean admit(String value, int max) {
      if (kept.containsKey(value)) {
        return true;
      }
      if (full) {
        return false;
      }
      synchronized (this) {
        if (kept.containsKey(value)) {
          return true;
        }
        if (kept.size() >= max) {
          full = true;
          return false;
        }
        kept.put(value, Boolean.TRUE);
        return true;
      }
    }
  }
}
