package dev.llmobs.cost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmobs.genai.LlmobsVersion;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class LlmobsCliTest {

  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    return LlmobsCli.run(args, new PrintStream(out, true), new PrintStream(err, true));
  }

  String lastLine() {
    String[] lines = out.toString().trim().split("\\R");
    return lines[lines.length - 1];
  }

  @Test
  void printsCostOnLastLine() {
    // 800 x 2.5 + 200 x 1.25 + 500 x 10 = 7250 per 1M
    assertThat(
            run(
                "cost",
                "--model",
                "gpt-4o",
                "--input",
                "1000",
                "--cache-read",
                "200",
                "--output",
                "500"))
        .isZero();
    assertThat(lastLine()).isEqualTo("0.00725");
    assertThat(out.toString()).contains("gpt-4o -> openai/gpt-4o");
  }

  @Test
  void allOptions() {
    // claude-sonnet-4-0: 100 x 3 + 600 x 0.3 + 300 x 3.75 + 200 x 15 = 4605 per 1M
    assertThat(
            run(
                "cost",
                "--provider",
                "anthropic",
                "--model",
                "claude-sonnet-4-20250514",
                "--input",
                "1000",
                "--cache-read",
                "600",
                "--cache-write",
                "300",
                "--output",
                "200",
                "--reasoning",
                "0"))
        .isZero();
    assertThat(lastLine()).isEqualTo("0.004605");
  }

  @Test
  void unknownModelFailsClearly() {
    assertThat(run("cost", "--model", "gpt-unknown-9", "--input", "1"))
        .isEqualTo(LlmobsCli.UNKNOWN_MODEL);
    assertThat(err.toString()).contains("unknown model 'gpt-unknown-9'");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void badNumbersFailClearly() {
    assertThat(run("cost", "--model", "gpt-4o", "--input", "lots"))
        .isEqualTo(LlmobsCli.BAD_ARGUMENTS);
    assertThat(err.toString()).contains("--input needs a whole number of tokens >= 0, got 'lots'");
    err.reset();
    assertThat(run("cost", "--model", "gpt-4o", "--input", "10", "--cache-read", "20"))
        .isEqualTo(LlmobsCli.BAD_ARGUMENTS);
    assertThat(err.toString()).contains("exceed the input tokens");
    err.reset();
    assertThat(run("cost", "--model", "gpt-4o", "--inptu", "10"))
        .isEqualTo(LlmobsCli.BAD_ARGUMENTS);
    assertThat(err.toString()).contains("unknown option '--inptu'");
    err.reset();
    assertThat(run("price")).isEqualTo(LlmobsCli.BAD_ARGUMENTS);
    assertThat(err.toString()).contains("unknown command 'price'");
  }

  @Test
  void versionPrintsTheBuiltVersion() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString().trim()).isEqualTo("llmobs " + LlmobsVersion.VERSION);
    assertThat(LlmobsVersion.VERSION).doesNotContain("${");
    assertThat(err.toString()).isEmpty();
  }
}
