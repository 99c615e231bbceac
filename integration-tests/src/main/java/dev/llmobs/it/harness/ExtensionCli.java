package dev.llmobs.it.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the extension jar's command line ({@code java -jar llmobs-extension.jar ...}) in its own
 * JVM.
 */
public final class ExtensionCli {

  /** What one run printed and returned. */
  public record Result(int exitCode, String stdout, String stderr) {

    /** The last non-empty line of standard output. */
    public String lastLine() {
      String[] lines = stdout.strip().split("\\R");
      return lines[lines.length - 1];
    }
  }

  private final Path extensionJar;

  public ExtensionCli(Path extensionJar) {
    this.extensionJar = extensionJar;
  }

  public Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Jvms.java());
    command.add("-jar");
    command.add(extensionJar.toString());
    command.addAll(Arrays.asList(args));
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("CLI did not finish: " + command);
    }
    return new Result(
        process.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  /** The cost the CLI prints for one call's usage. */
  public String cost(
      String provider, String model, long input, long cacheRead, long output, long reasoning)
      throws IOException, InterruptedException {
    Result result =
        run(
            "cost",
            "--provider",
            provider,
            "--model",
            model,
            "--input",
            Long.toString(input),
            "--cache-read",
            Long.toString(cacheRead),
            "--output",
            Long.toString(output),
            "--reasoning",
            Long.toString(reasoning));
    if (result.exitCode() != 0) {
      throw new IllegalStateException("CLI failed: " + result);
    }
    return result.lastLine();
  }
}
