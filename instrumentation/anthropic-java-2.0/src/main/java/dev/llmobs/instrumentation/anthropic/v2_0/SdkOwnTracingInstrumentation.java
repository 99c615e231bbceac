package dev.llmobs.instrumentation.anthropic.v2_0;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * anthropic-java 3.x traces its own calls ({@code anthropic.messages.create}) through the global
 * OpenTelemetry by default, which under the agent nests a second GenAI span inside ours for every
 * call. While this module is on, the SDK's own switch reads "off"; turning this module off ({@code
 * otel.instrumentation.llmobs-anthropic-java.enabled=false}) gives the SDK's spans back.
 */
public final class SdkOwnTracingInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("com.anthropic.core.opentelemetry.OpenTelemetryTraces");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("enabled").and(takesArguments(0)), getClass().getName() + "$OffAdvice");
  }

  @SuppressWarnings("unused")
  public static class OffAdvice {

    // Not AssignReturned: it skips the assignment when the advice returns the default value,
    // and false is boolean's default. Inlined advice may write the return value directly.
    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void onExit(@Advice.Return(readOnly = false) boolean enabled) {
      enabled = false;
    }
  }
}
