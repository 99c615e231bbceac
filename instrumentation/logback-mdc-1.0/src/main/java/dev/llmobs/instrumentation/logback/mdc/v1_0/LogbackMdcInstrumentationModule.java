package dev.llmobs.instrumentation.logback.mdc.v1_0;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;

import dev.llmobs.genai.GenAiHelperClasses;
import io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Logback (logback-classic 1.0 and later): while a GenAI call of ours runs, the MDC map of every
 * event logged on that thread also holds {@code gen_ai.provider.name}, {@code gen_ai.request.model}
 * and, when known, {@code gen_ai.conversation.id}. Like upstream's logback-mdc-1.0 the SLF4J MDC
 * thread-local is never written: the event's map is returned as a copy with our keys, so nothing
 * can outlive the call. Disable with {@code
 * -Dotel.instrumentation.llmobs-logback-mdc.enabled=false}.
 */
public final class LogbackMdcInstrumentationModule extends InstrumentationModule {

  // Helpers injected into Logback's class loader, besides the GenAI core (which holds the context
  // key of the running call). Names as strings: the agent's class loader must never load them.
  static final List<String> HELPERS =
      Arrays.asList(
          "dev.llmobs.instrumentation.logback.mdc.v1_0.LogbackGenAiMdc",
          "dev.llmobs.instrumentation.logback.mdc.v1_0.LogbackGenAiMdc$EventKeys",
          "dev.llmobs.instrumentation.logback.mdc.v1_0.LogbackGenAiMdc$Merged");

  public LogbackMdcInstrumentationModule() {
    super("llmobs-logback-mdc", "llmobs-logback-mdc-1.0");
  }

  @Override
  public ElementMatcher.Junction<ClassLoader> classLoaderMatcher() {
    // ILoggingEvent with getMDCPropertyMap() and Logger.callAppenders(ILoggingEvent) are in every
    // logback-classic release since 1.0.
    return hasClassesNamed(
        "ch.qos.logback.classic.spi.ILoggingEvent", "ch.qos.logback.classic.Logger");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new LoggerInstrumentation(), new LoggingEventInstrumentation());
  }

  @Override
  public List<String> getAdditionalHelperClassNames() {
    return GenAiHelperClasses.coreAnd(HELPERS);
  }
}
