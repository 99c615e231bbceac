package dev.llmobs.instrumentation.logback.mdc.v1_0;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.implementsInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import java.util.Map;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every {@code ILoggingEvent} implementation's {@code getMDCPropertyMap()} (and the older {@code
 * getMdc()}): what layouts, encoders and appenders read the MDC through; and its {@code
 * prepareForDeferredProcessing()}, which an appender calls on the logging thread before it hands
 * the event to another thread.
 */
public final class LoggingEventInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed("ch.qos.logback.classic.spi.ILoggingEvent");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return implementsInterface(named("ch.qos.logback.classic.spi.ILoggingEvent"));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isPublic().and(namedOneOf("getMDCPropertyMap", "getMdc")).and(takesArguments(0)),
        getClass().getName() + "$GetMdcAdvice");
    transformer.applyAdviceToMethod(
        isPublic().and(named("prepareForDeferredProcessing")).and(takesArguments(0)),
        getClass().getName() + "$PrepareForDeferredProcessingAdvice");
  }

  @SuppressWarnings("unused")
  public static class GetMdcAdvice {

    @Advice.OnMethodExit(suppress = Throwable.class)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Map<String, String> onExit(
        @Advice.This Object event,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Map<String, String> mdc) {
      return LogbackGenAiMdc.withGenAi(event, mdc);
    }
  }

  @SuppressWarnings("unused")
  public static class PrepareForDeferredProcessingAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void onEnter(@Advice.This Object event) {
      LogbackGenAiMdc.deferring(event);
    }
  }
}
