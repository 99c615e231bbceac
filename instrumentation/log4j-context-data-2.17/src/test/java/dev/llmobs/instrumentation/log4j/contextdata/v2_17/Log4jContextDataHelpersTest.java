package dev.llmobs.instrumentation.log4j.contextdata.v2_17;

import static dev.llmobs.genai.testing.HelperClassesAssert.assertHelpersAreTheCompiledClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Scanner;
import org.junit.jupiter.api.Test;

class Log4jContextDataHelpersTest {

  @Test
  void everyOtherCompiledClassIsAnInjectedHelper() {
    assertHelpersAreTheCompiledClasses(
        Log4jContextDataInstrumentationModule.class,
        Log4jContextDataInstrumentationModule.HELPERS,
        Arrays.asList(
            Log4jContextDataInstrumentationModule.class.getName(),
            Log4jContextDataInstrumentationModule.ProviderInterfaceInstrumentation.class
                .getName()));
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
