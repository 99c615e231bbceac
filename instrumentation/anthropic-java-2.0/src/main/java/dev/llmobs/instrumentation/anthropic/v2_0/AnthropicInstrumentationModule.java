package dev.llmobs.instrumentation.anthropic.v2_0;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;

import dev.llmobs.genai.GenAiHelperClasses;
import io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * com.anthropic:anthropic-java 2.0 and later: messages, blocking, async and streaming. Disable with
 * {@code -Dotel.instrumentation.llmobs-anthropic-java.enabled=false}.
 */
public final class AnthropicInstrumentationModule extends InstrumentationModule {

  private static final String PACKAGE = "dev.llmobs.instrumentation.anthropic.v2_0";

  // Names as strings: loading these classes in the agent's class loader, where the SDK is
  // absent, would fail the whole agent's start.
  static final List<String> HELPERS =
      Collections.unmodifiableList(
          Arrays.asList(
              PACKAGE + ".AnthropicCalls",
              PACKAGE + ".AnthropicMessages",
              PACKAGE + ".AnthropicStreamAccumulator",
              PACKAGE + ".AnthropicStreamResponse",
              PACKAGE + ".AnthropicAsyncStreamResponse",
              PACKAGE + ".AnthropicAsyncStreamResponse$TracingHandler"));

  public AnthropicInstrumentationModule() {
    super("llmobs-anthropic-java", "llmobs-anthropic-java-2.0");
  }

  @Override
  public ElementMatcher.Junction<ClassLoader> classLoaderMatcher() {
    // Backend arrived with 2.0.0 (the version floor); the message types we map are in every
    // release since.
    return hasClassesNamed(
        "com.anthropic.backends.Backend",
        "com.anthropic.services.blocking.MessageServiceImpl",
        "com.anthropic.models.messages.RawMessageStreamEvent");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new MessageServiceInstrumentation(), new SdkOwnTracingInstrumentation());
  }

  @Override
  public List<String> getAdditionalHelperClassNames() {
    List<String> names = new ArrayList<>(GenAiHelperClasses.NAMES);
    names.addAll(HELPERS);
    return names;
  }
}
