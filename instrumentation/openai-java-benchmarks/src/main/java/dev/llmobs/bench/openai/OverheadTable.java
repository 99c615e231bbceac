package dev.llmobs.bench.openai;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;

/**
 * The final report: time per call per variant (JMH's mean and 99.9% error over all iterations of
 * all forks, and the median iteration, which a noisy neighbour moves less), then the ratios.
 */
final class OverheadTable {

  private final Map<String, Map<String, List<BenchmarkResult>>> results;

  OverheadTable(Map<String, Map<String, List<BenchmarkResult>>> results) {
    this.results = results;
  }

  String render() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%-14s %-15s %10s %10s %10s %10s %6s%n",
            "benchmark", "variant", "mean us/op", "± 99.9%", "median", "min", "iters"));
    rows(out, "%-14s %-15s %10.1f %10.1f %10.1f %10.1f %6d%n");
    out.append(
        String.format(
            "%n%-14s %-33s %16s %10s %14s%n",
            "benchmark", "ratio", "of means ±", "of medians", "mean diff us"));
    results.forEach(
        (benchmark, variants) -> {
          ratio(out, benchmark, variants, Variant.LLMOBS, Variant.NO_AGENT);
          ratio(out, benchmark, variants, Variant.LLMOBS, Variant.UPSTREAM);
          ratio(out, benchmark, variants, Variant.UPSTREAM, Variant.NO_AGENT);
        });
    out.append("(± of a ratio: JMH's errors propagated to first order, approximate)\n");
    return out.toString();
  }

  /**
   * The same figures, machine-readable: one line per benchmark and variant, tab-separated, after a
   * header line. The gateway benchmark report (integration-tests) reads it.
   */
  String tsv() {
    StringBuilder out =
        new StringBuilder("benchmark\tvariant\tmean_us\terror_us\tmedian_us\tmin_us\titerations\n");
    rows(out, "%s\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t%d%n");
    return out.toString();
  }

  /** One line per benchmark and variant: name, variant, mean, error, median, min, iterations. */
  private void rows(StringBuilder out, String format) {
    results.forEach(
        (benchmark, variants) ->
            variants.forEach(
                (variant, forks) -> {
                  Result score = OverheadBenchmarkMain.pooled(forks);
                  out.append(
                      String.format(
                          Locale.ROOT,
                          format,
                          benchmark,
                          variant,
                          score.getScore(),
                          score.getScoreError(),
                          median(score),
                          score.getStatistics().getMin(),
                          score.getStatistics().getN()));
                }));
  }

  private static void ratio(
      StringBuilder out,
      String benchmark,
      Map<String, List<BenchmarkResult>> variants,
      String over,
      String under) {
    if (!variants.containsKey(over) || !variants.containsKey(under)) {
      return;
    }
    Result a = OverheadBenchmarkMain.pooled(variants.get(over));
    Result b = OverheadBenchmarkMain.pooled(variants.get(under));
    double ratio = a.getScore() / b.getScore();
    double error =
        ratio * Math.hypot(a.getScoreError() / a.getScore(), b.getScoreError() / b.getScore());
    out.append(
        String.format(
            "%-14s %-33s %9.2f ± %4.2f %10.2f %+14.1f%n",
            benchmark,
            over + " / " + under,
            ratio,
            error,
            ratioOf(a, b, OverheadTable::median),
            a.getScore() - b.getScore()));
  }

  private static double median(Result result) {
    return result.getStatistics().getPercentile(50);
  }

  private static double ratioOf(Result a, Result b, ToDoubleFunction<Result> statistic) {
    return statistic.applyAsDouble(a) / statistic.applyAsDouble(b);
  }
}
