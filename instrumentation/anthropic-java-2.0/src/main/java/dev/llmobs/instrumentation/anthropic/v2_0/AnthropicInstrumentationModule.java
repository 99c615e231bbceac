package dev.llmobs.instrumentation.anthropic.v2_0;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;

import dev.llmobs.genai.GenAiHelperClasses;
import dev.llmobs.genai.stainless.StainlessServiceInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * com.anthropic:anthropic-java 2.0 and later: messages, blocking, async and streaming, plain or
 * {@code withRawResponse()}. Disable with {@code
 * -Dotel.instrumentation.llmobs-anthropic-java.enabled=false}.
 */
public final class AnthropicInstrumentationModule extends InstrumentationModule {

  private static final String PACKAGE = "dev.llmobs.instrumentation.anthropic.v2_0";

  // Names as strings: loading these classes in the agent's class loader, where the SDK is
  // absent, would fail the whole agent's start.
  static final List<String> HELPERS =
      Collections.unmodifiableList(
          Arrays.asList(
              PACKAGE + ".AnthropicSdk",
              PACKAGE + ".AnthropicMessages",
              PACKAGE + ".AnthropicStreamAccumulator"));

  public AnthropicInstrumentationModule() {
    super("llmobs-anthropic-java", "llmobs-anthropic-java-2.0");
  }

  @Override
  public ElementMatcher.Junction<ClassLoader> classLoaderMatcher() {
    // Backend arrived with 2.0.0 (the version floor); the message types we map are in every
    // release since.
    return hasClassesNamed(
        "com.anthropic.backends.Backend",
        "com.anthropic.services.blocking.MessageServiceImpl$WithRawResponseImpl",
        "com.anthropic.models.messages.RawMessageStreamEvent");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new StainlessServiceInstrumentation(
            new String[] {"com.anthropic.services.blocking.MessageServiceImpl"},
            new String[] {"com.anthropic.services.async.MessageServiceAsyncImpl"},
            new String[] {"com.anthropic.models.messages.MessageCreateParams"},
            "com.anthropic.core.RequestOptions",
            PACKAGE + ".AnthropicServiceAdvice"),
        new SdkOwnTracingInstrumentation());
  }

  @Override
  public List<String> getAdditionalHelperClassNames() {
    return GenAiHelperClasses.coreAnd(GenAiHelperClasses.STAINLESS, HELPERS);
  }
}
