package dev.llmobs.genai;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Metric attribute sets built once per distinct combination of label values and reused: building
 * and sorting an {@code Attributes} for every call was a measurable part of a call's cost. Reusing
 * a set is exact because a {@link MetricLabelCap} never changes its answer for a value (a kept
 * value stays kept, a full label stays full). Label values come from clients, so past a bound
 * ({@link #MAX_SETS} by default) nothing more is kept and callers build the set as before.
 *
 * @param <K> the combination of label values, such as a {@link Key}
 * @param <V> what is kept per combination
 */
public final class MetricLabelSets<K, V> {

  static final int MAX_SETS = 1024;

  private final ConcurrentHashMap<K, V> sets = new ConcurrentHashMap<>();
  private final int maxSets;

  public MetricLabelSets() {
    this(MAX_SETS);
  }

  public MetricLabelSets(int maxSets) {
    this.maxSets = maxSets;
  }

  /** The value kept for {@code key}, or null. */
  public V get(K key) {
    return sets.get(key);
  }

  /** Keeps {@code value} for {@code key} while there is room; returns the value kept, if any. */
  public V keep(K key, V value) {
    if (sets.size() >= maxSets) {
      return value;
    }
    V earlier = sets.putIfAbsent(key, value);
    return earlier != null ? earlier : value;
  }

  int size() {
    return sets.size();
  }

  /** Up to five label values (any may be null), compared by value. */
  public static Key key(Object a, Object b, Object c, Object d, Object e) {
    return new Key(a, b, c, d, e);
  }

  /** A combination of label values. */
  public static final class Key {
    private final Object a;
    private final Object b;
    private final Object c;
    private final Object d;
    private final Object e;
    private final int hash;

    Key(Object a, Object b, Object c, Object d, Object e) {
      this.a = a;
      this.b = b;
      this.c = c;
      this.d = d;
      this.e = e;
      int h = Objects.hashCode(a);
      h = 31 * h + Objects.hashCode(b);
      h = 31 * h + Objects.hashCode(c);
      h = 31 * h + Objects.hashCode(d);
      this.hash = 31 * h + Objects.hashCode(e);
    }

    @Override
    public boolean equals(Object other) {
      if (!(other instanceof Key)) {
        return false;
      }
      Key that = (Key) other;
      return hash == that.hash
          && Objects.equals(a, that.a)
          && Objects.equals(b, that.b)
          && Objects.equals(c, that.c)
          && Objects.equals(d, that.d)
          && Objects.equals(e, that.e);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
