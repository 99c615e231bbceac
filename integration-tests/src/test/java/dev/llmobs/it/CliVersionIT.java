package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmobs.it.harness.ExtensionCli;
import dev.llmobs.it.harness.GatewayProcess;
import org.junit.jupiter.api.Test;

/** {@code java -jar llmobs-extension.jar --version}, as an operator runs it. */
class CliVersionIT {

  @Test
  void printsTheProjectVersion() throws Exception {
    ExtensionCli.Result result =
        new ExtensionCli(GatewayProcess.requiredFile("llmobs.extension.jar")).run("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout().strip()).isEqualTo("llmobs " + DistroVersionIT.VERSION);
    assertThat(result.stderr()).isEmpty();
  }
}
