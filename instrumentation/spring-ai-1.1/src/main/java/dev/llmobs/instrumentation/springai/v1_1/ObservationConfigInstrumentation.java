package dev.llmobs.instrumentation.springai.v1_1;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Micrometer's {@code ObservationRegistry.ObservationConfig.isObservationEnabled(String, Context)},
 * asked by {@code Observation.createNotStarted} before every observation: see {@link
 * SpringAiObservations} for why Spring AI's model observations answer false while ours runs.
 */
public final class ObservationConfigInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("io.micrometer.observation.ObservationRegistry$ObservationConfig");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("isObservationEnabled")
            .and(takesArguments(2))
            .and(takesArgument(1, named("io.micrometer.observation.Observation$Context")))
            .and(returns(boolean.class)),
        ObservationConfigInstrumentation.class.getName() + "$EnabledAdvice");
  }

  @SuppressWarnings("unused")
  public static final class EnabledAdvice {

    // Not AssignReturned: it skips the assignment when the advice returns the default value,
    // and false is boolean's default. Inlined advice may write the return value directly.
    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void onExit(
        @Advice.Argument(1) Object context, @Advice.Return(readOnly = false) boolean enabled) {
      enabled = SpringAiObservations.enabled(enabled, context);
    }

    private EnabledAdvice() {}
  }
}
