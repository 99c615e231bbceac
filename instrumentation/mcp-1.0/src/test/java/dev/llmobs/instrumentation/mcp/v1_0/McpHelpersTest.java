package dev.llmobs.instrumentation.mcp.v1_0;

import static dev.llmobs.genai.testing.HelperClassesAssert.assertHelpersAreTheCompiledClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class McpHelpersTest {

  private static final List<Class<?>> AGENT_SIDE =
      List.of(
          McpInstrumentationModule.class,
          McpSessionInstrumentation.class,
          McpSessionInstrumentation.SendRequestAdvice.class,
          McpSessionInstrumentation.HandleRequestAdvice.class,
          McpSessionInstrumentation.HandleOnStreamAdvice.class,
          McpStreamableSessionInstrumentation.class,
          McpStreamableSessionInstrumentation.ResponseStreamAdvice.class,
          McpStatelessServerInstrumentation.class,
          McpStatelessServerInstrumentation.HandleRequestAdvice.class,
          McpSessionFactoryInstrumentation.class,
          McpSessionFactoryInstrumentation.StartSessionAdvice.class,
          McpSchemaInstrumentation.class,
          McpSchemaInstrumentation.DeserializeAdvice.class,
          McpTransportInstrumentation.class,
          McpTransportInstrumentation.SendMessageAdvice.class);

  @Test
  void everyOtherCompiledClassIsAnInjectedHelper() {
    List<String> agentSide = new ArrayList<>();
    AGENT_SIDE.forEach(c -> agentSide.add(c.getName()));
    assertHelpersAreTheCompiledClasses(McpCalls.class, McpInstrumentationModule.HELPERS, agentSide);
  }

  // The agent loads the module and its type instrumentations on every JVM, Java 8 included; only
  // the helpers, injected where the SDK (Java 17+) is, are Java 17 class files.
  @Test
  void agentSideClassesAreJava8ClassFiles() throws IOException {
    for (Class<?> type : AGENT_SIDE) {
      assertThat(majorVersion(type)).as(type.getName()).isEqualTo(52);
    }
    assertThat(majorVersion(McpCalls.class)).isEqualTo(61);
  }

  private static int majorVersion(Class<?> type) throws IOException {
    String resource = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
    try (InputStream in = type.getResourceAsStream(resource);
        DataInputStream data = new DataInputStream(in)) {
      data.readInt();
      data.readUnsignedShort();
      return data.readUnsignedShort();
    }
  }
}
