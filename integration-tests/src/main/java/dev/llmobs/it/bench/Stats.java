package dev.llmobs.it.bench;

import java.util.List;

/** The statistics the benchmarks report. */
final class Stats {

  private Stats() {}

  /** The median; of an even count, the mean of the middle two. */
  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
