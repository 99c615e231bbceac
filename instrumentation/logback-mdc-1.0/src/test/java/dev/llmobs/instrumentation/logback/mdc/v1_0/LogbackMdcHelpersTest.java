package dev.llmobs.instrumentation.logback.mdc.v1_0;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LogbackMdcHelpersTest {

  // Loaded by the agent itself, never injected into the application.
  static final List<String> AGENT_SIDE =
      Arrays.asList(
          LogbackMdcInstrumentationModule.class.getName(),
          LoggerInstrumentation.class.getName(),
          LoggerInstrumentation.CallAppendersAdvice.class.getName(),
          LoggingEventInstrumentation.class.getName(),
          LoggingEventInstrumentation.GetMdcAdvice.class.getName());

  @Test
  void everyOtherCompiledClassIsAnInjectedHelper() throws IOException, URISyntaxException {
    String pkg = LogbackGenAiMdc.class.getPackage().getName();
    Path dir =
        Paths.get(LogbackGenAiMdc.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve(pkg.replace('.', '/'));
    List<String> compiled;
    try (Stream<Path> files = Files.list(dir)) {
      compiled =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".class"))
              .map(n -> pkg + "." + n.substring(0, n.length() - ".class".length()))
              .filter(n -> !AGENT_SIDE.contains(n))
              .collect(Collectors.toList());
    }
    assertThat(LogbackMdcInstrumentationModule.HELPERS)
        .containsExactlyInAnyOrderElementsOf(compiled);
  }
}
