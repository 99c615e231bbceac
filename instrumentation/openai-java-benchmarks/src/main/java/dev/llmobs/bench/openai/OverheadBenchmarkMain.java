package dev.llmobs.bench.openai;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Per-call cost of a real openai-java client with no agent, the stock upstream agent and the llmobs
 * agent, measured side by side: the forks are interleaved (round r runs one fork of every variant,
 * the order rotated each round) so machine noise spreads over all variants, and each variant's
 * iterations from all its forks are pooled into one JMH score and error. Arguments are JMH's;
 * {@code -f N} is the number of rounds.
 */
public final class OverheadBenchmarkMain {

  /**
   * The same for every variant: one heap size, so an agent's footprint does not change GC pacing,
   * and no class-data sharing, which an agent (on the boot class path) turns off anyway.
   */
  private static final String[] BASE_JVM_ARGS = {"-Xms1g", "-Xmx1g", "-Xshare:off"};

  public static void main(String[] args) throws Exception {
    CommandLineOptions cli = new CommandLineOptions(args);
    int rounds = cli.getForkCount().orElse(3);
    Path workDir = Paths.get(System.getProperty("llmobs.work.dir", "target/bench"));
    Files.createDirectories(workDir);
    List<Variant> variants = Variant.all();

    if (!"false".equals(System.getProperty("preflight"))) {
      new PreFlight(workDir).run(variants);
    }

    // benchmark method -> variant -> its results from every round
    Map<String, Map<String, List<BenchmarkResult>>> results = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < variants.size(); i++) {
        Variant variant = variants.get((i + round) % variants.size());
        for (RunResult run : new Runner(options(cli, variant)).run()) {
          String benchmark = shortName(run.getParams().getBenchmark());
          Result score = run.getPrimaryResult();
          System.out.printf(
              "round %d/%d  %-15s %-14s %10.2f %s%n",
              round + 1, rounds, variant.name, benchmark, score.getScore(), score.getScoreUnit());
          results
              .computeIfAbsent(benchmark, k -> new LinkedHashMap<>())
              .computeIfAbsent(variant.name, k -> new ArrayList<>())
              .addAll(run.getBenchmarkResults());
        }
      }
    }

    OverheadTable overhead = new OverheadTable(results);
    String table = overhead.render();
    System.out.println();
    System.out.print(table);
    Path report = workDir.resolve("openai-overhead.txt");
    Files.writeString(report, table);
    // Read by the benchmark report of integration-tests (BENCHMARKS.md): when and how it ran.
    Files.writeString(
        workDir.resolve("openai-overhead.tsv"),
        "# finished "
            + Instant.now().truncatedTo(ChronoUnit.SECONDS)
            + ", JDK "
            + System.getProperty("java.runtime.version")
            + ", JMH arguments: "
            + String.join(" ", args)
            + "\n"
            + overhead.tsv());
    System.out.println("(also in " + report + " and openai-overhead.tsv)");
  }

  private static org.openjdk.jmh.runner.options.Options options(
      CommandLineOptions cli, Variant variant) {
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .parent(cli)
            .forks(1)
            .jvmArgs(BASE_JVM_ARGS)
            .jvmArgsAppend(variant.jvmArgs().toArray(new String[0]))
            .shouldFailOnError(true);
    if (cli.getIncludes().isEmpty()) {
      options.include(OpenAiCallBenchmark.class.getName());
    }
    if (!cli.verbosity().hasValue()) {
      options.verbosity(VerboseMode.SILENT);
    }
    if (!cli.getWarmupIterations().hasValue()) {
      options.warmupIterations(5);
    }
    if (!cli.getWarmupTime().hasValue()) {
      options.warmupTime(TimeValue.seconds(2));
    }
    if (!cli.getMeasurementIterations().hasValue()) {
      options.measurementIterations(5);
    }
    if (!cli.getMeasurementTime().hasValue()) {
      options.measurementTime(TimeValue.seconds(2));
    }
    return options.build();
  }

  static String shortName(String benchmark) {
    return benchmark.substring(benchmark.lastIndexOf('.') + 1);
  }

  /** All forks of one variant as one JMH result: score and 99.9% error over every iteration. */
  static Result pooled(Collection<BenchmarkResult> forks) {
    return new RunResult(forks.iterator().next().getParams(), forks).getPrimaryResult();
  }

  private OverheadBenchmarkMain() {}
}
