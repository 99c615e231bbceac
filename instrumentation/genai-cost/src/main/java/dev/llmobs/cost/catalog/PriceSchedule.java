package dev.llmobs.cost.catalog;

import java.util.List;

/**
 * A model's prices over time: genai-prices' conditional prices ({@code start_date}, or a UTC
 * time-of-day window). The newest active entry wins, walking from last to first; with none active,
 * the first entry (upstream's {@code ModelInfo.get_prices}).
 */
final class PriceSchedule {

  interface Constraint {
    boolean activeAt(long epochMillis);
  }

  static final class Entry {
    final Constraint constraint; // null: always active
    final ModelPrices prices;

    Entry(Constraint constraint, ModelPrices prices) {
      this.constraint = constraint;
      this.prices = prices;
    }
  }

  private static final long DAY_MILLIS = 86_400_000L;

  private final Entry[] entries;

  PriceSchedule(List<Entry> entries) {
    this.entries = entries.toArray(new Entry[0]);
  }

  ModelPrices at(long epochMillis) {
    for (int i = entries.length - 1; i >= 0; i--) {
      Constraint constraint = entries[i].constraint;
      if (constraint == null || constraint.activeAt(epochMillis)) {
        return entries[i].prices;
      }
    }
    return entries[0].prices;
  }

  static Constraint startingAt(long startEpochMillis) {
    return epochMillis -> epochMillis >= startEpochMillis;
  }

  /** {@code start <= time of day (UTC) < end}, both in milliseconds after midnight. */
  static Constraint timeOfDay(long startMillisOfDay, long endMillisOfDay) {
    return epochMillis -> {
      long millisOfDay = Math.floorMod(epochMillis, DAY_MILLIS);
      return millisOfDay >= startMillisOfDay && millisOfDay < endMillisOfDay;
    };
  }
}
