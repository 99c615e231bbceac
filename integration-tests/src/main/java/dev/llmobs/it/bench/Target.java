package dev.llmobs.it.bench;

import java.util.Locale;

/**
 * One overhead target of issue 18 as a ratio to a reference variant: what was measured, the limit,
 * and whether the measurement meets it. NaN when the figure was not measured.
 */
record Target(
    String figure,
    double ratio,
    double limitRatio,
    boolean atMost,
    String target,
    String measured) {

  /** A target on a ratio, printed as a ratio. */
  static Target ratio(String figure, double ratio, double limit, boolean atMost) {
    return new Target(
        figure,
        ratio,
        limit,
        atMost,
        (atMost ? "≤ " : "≥ ") + String.format(Locale.ROOT, "%.2f", limit),
        Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.3f", ratio));
  }

  boolean isMeasured() {
    return !Double.isNaN(ratio);
  }

  boolean passes() {
    return isMeasured() && (atMost ? ratio <= limitRatio : ratio >= limitRatio);
  }

  String verdict() {
    return !isMeasured() ? "not measured" : passes() ? "pass" : "FAIL";
  }
}
