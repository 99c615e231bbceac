package dev.llmobs.genai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GenAiHelperClassesTest {

  @Test
  void listsEveryCompiledCoreClassExceptItselfAndTheAdvice() throws IOException, URISyntaxException {
    Path dir =
        Paths.get(GenAiCall.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve("dev/llmobs/genai");
    List<String> compiled;
    try (Stream<Path> files = Files.list(dir)) {
      compiled =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".class"))
              .map(n -> "dev.llmobs.genai." + n.substring(0, n.length() - ".class".length()))
              .filter(n -> !n.equals(GenAiHelperClasses.class.getName()))
              // Inlined by the agent, never injected.
              .filter(n -> !n.equals(GenAiServiceAdvice.class.getName()))
              .collect(Collectors.toList());
    }
    assertThat(GenAiHelperClasses.NAMES).containsExactlyInAnyOrderElementsOf(compiled);
  }
}
