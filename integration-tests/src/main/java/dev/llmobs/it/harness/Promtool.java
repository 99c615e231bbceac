package dev.llmobs.it.harness;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus' {@code promtool} (Debian package {@code prometheus}): found on the PATH, or at the
 * path in system property {@code llmobs.promtool}. Tests that need it skip, saying why, without it.
 */
public final class Promtool {

  /** Exit code of {@code promtool check metrics} when it found lint problems only. */
  public static final int LINT_PROBLEMS = 3;

  /** What one run printed and returned. */
  public record Result(int exitCode, String output) {

    /**
     * The lint problems {@code check metrics} printed, one per line as {@code METRIC TEXT}; empty
     * when the exposition passed.
     */
    public List<LintProblem> lintProblems() {
      List<LintProblem> problems = new ArrayList<>();
      for (String line : output.split("\\R")) {
        if (!line.isBlank()) {
          int space = line.indexOf(' ');
          problems.add(
              space < 0
                  ? new LintProblem(line, "")
                  : new LintProblem(line.substring(0, space), line.substring(space + 1)));
        }
      }
      return problems;
    }
  }

  /** One complaint of {@code promtool check metrics} about one metric. */
  public record LintProblem(String metric, String text) {}

  private final Path binary;

  private Promtool(Path binary) {
    this.binary = binary;
  }

  public static Optional<Promtool> find() {
    String configured = System.getProperty("llmobs.promtool");
    if (configured != null && !configured.isBlank()) {
      Path path = Paths.get(configured);
      return Files.isExecutable(path) ? Optional.of(new Promtool(path)) : Optional.empty();
    }
    String pathVariable = System.getenv("PATH");
    if (pathVariable == null) {
      return Optional.empty();
    }
    for (String dir : pathVariable.split(File.pathSeparator)) {
      Path candidate = Paths.get(dir, "promtool");
      if (Files.isExecutable(candidate)) {
        return Optional.of(new Promtool(candidate));
      }
    }
    return Optional.empty();
  }

  /** Why promtool checks are skipped here. */
  public static String missingReason() {
    return "promtool not found on the PATH (Debian: apt-get install prometheus; .ci/run installs it"
        + " when it can) or at -Dllmobs.promtool";
  }

  public Result run(String stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(Arrays.asList(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<byte[]> output =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return process.getInputStream().readAllBytes();
              } catch (IOException e) {
                return ("cannot read promtool output: " + e).getBytes(StandardCharsets.UTF_8);
              }
            });
    try (OutputStream in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("promtool did not finish: " + command);
    }
    return new Result(process.exitValue(), new String(output.join(), StandardCharsets.UTF_8));
  }

  /** {@code promtool check metrics} on an exposition text. */
  public Result checkMetrics(String exposition) throws IOException, InterruptedException {
    return run(exposition, "check", "metrics");
  }
}
