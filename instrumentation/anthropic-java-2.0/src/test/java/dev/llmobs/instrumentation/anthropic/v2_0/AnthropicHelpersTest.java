package dev.llmobs.instrumentation.anthropic.v2_0;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AnthropicHelpersTest {

  // Loaded by the agent itself, never injected into the application.
  static final List<String> AGENT_SIDE =
      Arrays.asList(
          AnthropicInstrumentationModule.class.getName(),
          MessageServiceInstrumentation.class.getName(),
          SdkOwnTracingInstrumentation.class.getName(),
          SdkOwnTracingInstrumentation.OffAdvice.class.getName());

  @Test
  void everyOtherCompiledClassIsAnInjectedHelper() throws IOException, URISyntaxException {
    Path dir =
        Paths.get(AnthropicCalls.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve(AnthropicCalls.class.getPackage().getName().replace('.', '/'));
    List<String> compiled;
    try (Stream<Path> files = Files.list(dir)) {
      compiled =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".class"))
              .map(
                  n ->
                      AnthropicCalls.class.getPackage().getName()
                          + "."
                          + n.substring(0, n.length() - ".class".length()))
              .filter(n -> !AGENT_SIDE.contains(n))
              .collect(Collectors.toList());
    }
    assertThat(AnthropicInstrumentationModule.HELPERS).containsExactlyInAnyOrderElementsOf(compiled);
  }

  // The extension jar relocates jackson-core (bundled for the price catalog) in every class it
  // holds; a helper naming a jackson-core type would then miss the SDK's own Jackson at run time.
  @Test
  void helpersNameNoJacksonCoreType() throws IOException, URISyntaxException {
    Path root =
        Paths.get(AnthropicCalls.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    for (String helper : AnthropicInstrumentationModule.HELPERS) {
      byte[] bytes = Files.readAllBytes(root.resolve(helper.replace('.', '/') + ".class"));
      assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
          .as(helper)
          .doesNotContain("com/fasterxml/jackson/core/");
    }
  }
}
