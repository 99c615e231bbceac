package dev.llmobs.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The latest result of the JMH per-call benchmark ({@code instrumentation/openai-java-benchmarks},
 * profile {@code openai-benchmark} or {@code benchmarks}), from the file it leaves behind.
 */
record JmhResult(Path file, String header, List<Row> rows) {

  static final String RELATIVE_PATH =
      "instrumentation/openai-java-benchmarks/target/bench/openai-overhead.tsv";

  /** JMH's names of the variants and of the blocking call, as the JMH module writes them. */
  static final String NO_AGENT = "no agent";

  static final String STOCK = "upstream agent";
  static final String LLMOBS = "llmobs agent";
  static final String BLOCKING_CALL = "chat";

  /** One benchmark of one variant: microseconds per call over all forks' iterations. */
  record Row(
      String benchmark,
      String variant,
      double meanUs,
      double errorUs,
      double medianUs,
      double minUs,
      long iterations) {}

  /** The result in the repository, if the JMH benchmark ever ran there. */
  static Optional<JmhResult> read(Path repoRoot) throws IOException {
    Path file = repoRoot.resolve(RELATIVE_PATH);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(file);
    String header = lines.get(0).replaceFirst("^#\\s*", "");
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(2, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      rows.add(
          new Row(
              f[0],
              f[1],
              Double.parseDouble(f[2]),
              Double.parseDouble(f[3]),
              Double.parseDouble(f[4]),
              Double.parseDouble(f[5]),
              Long.parseLong(f[6])));
    }
    return Optional.of(new JmhResult(file, header, rows));
  }

  Optional<Row> row(String benchmark, String variant) {
    return rows.stream()
        .filter(r -> r.benchmark().equals(benchmark) && r.variant().equals(variant))
        .findFirst();
  }

  /** Ratio of the median iterations of two variants of one benchmark; NaN if either is absent. */
  double medianRatio(String benchmark, String over, String under) {
    Optional<Row> a = row(benchmark, over);
    Optional<Row> b = row(benchmark, under);
    return a.isPresent() && b.isPresent() ? a.get().medianUs() / b.get().medianUs() : Double.NaN;
  }

  String markdownTable() {
    StringBuilder out =
        new StringBuilder(
            "| call | variant | mean µs ± 99.9% error | median µs | min µs | iterations |\n"
                + "|---|---|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              "| `%s` | %s | %.1f ± %.1f | %.1f | %.1f | %d |%n",
              r.benchmark(),
              r.variant(),
              r.meanUs(),
              r.errorUs(),
              r.medianUs(),
              r.minUs(),
              r.iterations()));
    }
    return out.toString();
  }
}
