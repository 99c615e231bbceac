package dev.llmobs.instrumentation.log4j.contextdata.v2_17;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Scanner;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class Log4jContextDataHelpersTest {

  // Loaded by the agent itself, never injected into the application.
  static final List<String> AGENT_SIDE =
      Arrays.asList(
          Log4jContextDataInstrumentationModule.class.getName(),
          Log4jContextDataInstrumentationModule.ProviderInterfaceInstrumentation.class.getName());

  @Test
  void everyOtherCompiledClassIsAnInjectedHelper() throws IOException, URISyntaxException {
    String pkg = Log4jContextDataInstrumentationModule.class.getPackage().getName();
    Path dir =
        Paths.get(
                Log4jContextDataInstrumentationModule.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI())
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
    assertThat(Log4jContextDataInstrumentationModule.HELPERS)
        .containsExactlyInAnyOrderElementsOf(compiled);
  }

  @Test
  void theServicesFileNamesTheInjectedProvider() throws IOException {
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream(Log4jContextDataInstrumentationModule.SERVICES_FILE_IN_JAR)) {
      assertThat(in).isNotNull();
      assertThat(new Scanner(in, StandardCharsets.UTF_8.name()).useDelimiter("\\A").next().trim())
          .isEqualTo(Log4jContextDataInstrumentationModule.PROVIDER);
    }
  }
}
