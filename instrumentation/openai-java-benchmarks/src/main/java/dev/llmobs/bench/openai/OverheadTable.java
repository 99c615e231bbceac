package dev.llmobs.bench.openai;

import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;

/** The final report: time per call per variant, and the llmobs agent's ratios. */
final class OverheadTable {

  private final Map<String, Map<String, List<BenchmarkResult>>> results;

  OverheadTable(Map<String, Map<String, List<BenchmarkResult>>> results) {
    this.results = results;
  }

  String render() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%-14s %-15s %12s %12s %6s%n", "benchmark", "variant", "us/op", "error 99.9%", "forks"));
    for (Map.Entry<String, Map<String, List<BenchmarkResult>>> benchmark : results.entrySet()) {
      Map<String, List<BenchmarkResult>> variants = benchmark.getValue();
      for (Map.Entry<String, List<BenchmarkResult>> variant : variants.entrySet()) {
        Result score = OverheadBenchmarkMain.pooled(variant.getValue());
        out.append(
            String.format(
                "%-14s %-15s %12.2f %12.2f %6d%n",
                benchmark.getKey(),
                variant.getKey(),
                score.getScore(),
                score.getScoreError(),
                variant.getValue().size()));
      }
    }
    out.append(String.format("%nratios of the means (error propagated from JMH's, approximate)%n"));
    for (Map.Entry<String, Map<String, List<BenchmarkResult>>> benchmark : results.entrySet()) {
      Map<String, List<BenchmarkResult>> variants = benchmark.getValue();
      ratio(out, benchmark.getKey(), variants, Variant.LLMOBS, Variant.NO_AGENT);
      ratio(out, benchmark.getKey(), variants, Variant.LLMOBS, Variant.UPSTREAM);
      ratio(out, benchmark.getKey(), variants, Variant.UPSTREAM, Variant.NO_AGENT);
    }
    return out.toString();
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
        ratio
            * Math.hypot(
                a.getScoreError() / a.getScore(), b.getScoreError() / b.getScore());
    out.append(
        String.format(
            "%-14s %-15s / %-15s %6.2f ± %.2f   (%+.2f us per call)%n",
            benchmark, over, under, ratio, error, a.getScore() - b.getScore()));
  }
}
