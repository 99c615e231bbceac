package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmobs.it.harness.ExtensionCli;
import dev.llmobs.it.harness.GatewayProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The price calculator as operators run it: {@code java -jar llmobs-extension.jar cost ...},
 * without any agent, so no OpenTelemetry class is on its class path.
 */
class CostCliIT {

  final ExtensionCli cli = new ExtensionCli(GatewayProcess.requiredFile("llmobs.extension.jar"));

  @Test
  void printsTheCostAsPlainDecimalOnTheLastLine() throws Exception {
    ExtensionCli.Result result =
        cli.run(
            "cost",
            "--model",
            "gpt-4o",
            "--input",
            "1000",
            "--cache-read",
            "200",
            "--output",
            "500");
    // gpt-4o: 800 x 2.50 + 200 x 1.25 + 500 x 10.00 = 7250 per 1M tokens
    assertThat(result.exitCode()).isZero();
    assertThat(result.lastLine()).isEqualTo("0.00725");
    assertThat(result.stderr()).isEmpty();
  }

  @Test
  void everyOption() throws Exception {
    // claude-sonnet-4-0: 100 x 3 + 600 x 0.30 + 300 x 3.75 + 200 x 15 = 4605 per 1M
    ExtensionCli.Result anthropic =
        cli.run(
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
            "200");
    assertThat(anthropic.lastLine()).isEqualTo("0.004605");
    // o3-mini: 800 x 1.10 + 200 x 0.55 + 500 x 4.40 (reasoning is output) = 3190 per 1M
    ExtensionCli.Result reasoning =
        cli.run(
            "cost",
            "--provider",
            "openai",
            "--model",
            "o3-mini",
            "--input",
            "1000",
            "--cache-read",
            "200",
            "--output",
            "500",
            "--reasoning",
            "300");
    assertThat(reasoning.lastLine()).isEqualTo("0.00319");
  }

  @Test
  void unknownModelAndBadNumbersExitNonZeroWithAClearMessage() throws Exception {
    ExtensionCli.Result unknown = cli.run("cost", "--model", "gpt-unknown-9", "--input", "10");
    assertThat(unknown.exitCode()).isNotZero();
    assertThat(unknown.stderr()).contains("unknown model 'gpt-unknown-9'");
    assertThat(unknown.stdout()).isEmpty();

    ExtensionCli.Result bad = cli.run("cost", "--model", "gpt-4o", "--output", "-5");
    assertThat(bad.exitCode()).isNotZero();
    assertThat(bad.stderr()).contains("--output needs a whole number of tokens >= 0, got '-5'");
  }

  @Test
  void overrideFileAndMalformedOverride(@TempDir Path dir) throws Exception {
    Path prices =
        Files.writeString(
            dir.resolve("prices.json"), "{\"my-model\": {\"input\": 4, \"output\": 16}}");
    ExtensionCli.Result priced =
        cli.run(
            "cost",
            "--model",
            "my-model",
            "--input",
            "1000",
            "--output",
            "1000",
            "--pricing-file",
            prices.toString());
    assertThat(priced.exitCode()).isZero();
    assertThat(priced.lastLine()).isEqualTo("0.02");

    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"my-model\": ");
    ExtensionCli.Result fallback =
        cli.run(
            "cost", "--model", "gpt-4o", "--input", "1000", "--pricing-file", broken.toString());
    assertThat(fallback.exitCode()).isZero();
    assertThat(fallback.stderr()).contains(broken.toString()).contains("built-in price catalog");
    assertThat(fallback.lastLine()).isEqualTo("0.0025");
  }
}
