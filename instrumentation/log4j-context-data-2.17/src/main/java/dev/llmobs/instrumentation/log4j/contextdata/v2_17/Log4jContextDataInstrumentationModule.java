package dev.llmobs.instrumentation.log4j.contextdata.v2_17;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.llmobs.genai.GenAiHelperClasses;
import io.opentelemetry.javaagent.extension.instrumentation.HelperResourceBuilder;
import io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Log4j 2 (log4j-core 2.17 and later): while a GenAI call of ours runs, every event logged on that
 * thread carries {@code gen_ai.provider.name}, {@code gen_ai.request.model} and, when known, {@code
 * gen_ai.conversation.id} in its context data ({@code %X{...}} in layouts). No advice: as
 * upstream's log4j-context-data-2.17, a {@code ContextDataProvider} is injected into log4j-core's
 * class loader with a services file that names it; log4j asks it on the logging thread when it
 * creates the event. Unlike upstream, no {@code exposedClassNames()}: it matters only in the
 * agent's experimental indy mode, which llmobs does not support (there the provider modules' core
 * classes would live in other class loaders). Disable with {@code
 * -Dotel.instrumentation.llmobs-log4j-context-data.enabled=false}.
 */
public final class Log4jContextDataInstrumentationModule extends InstrumentationModule {

  static final String PROVIDER =
      "dev.llmobs.instrumentation.log4j.contextdata.v2_17.GenAiContextDataProvider";

  // Helpers injected into log4j-core's class loader, besides the GenAI core (which holds the
  // context key of the running call). Names as strings: the agent's class loader has no log4j.
  static final List<String> HELPERS = Collections.singletonList(PROVIDER);

  private static final String SERVICES_FILE =
      "META-INF/services/org.apache.logging.log4j.core.util.ContextDataProvider";

  // Our own path inside the extension jar: the agent's class loader (a parent of ours) holds
  // upstream's file of the same service name, which must not be registered a second time by us.
  static final String SERVICES_FILE_IN_JAR =
      "dev/llmobs/instrumentation/log4j/contextdata/v2_17/ContextDataProvider.services";

  public Log4jContextDataInstrumentationModule() {
    super("llmobs-log4j-context-data", "llmobs-log4j-context-data-2.17");
  }

  @Override
  public void registerHelperResources(HelperResourceBuilder helperResourceBuilder) {
    helperResourceBuilder.register(SERVICES_FILE, SERVICES_FILE_IN_JAR);
  }

  @Override
  public ElementMatcher.Junction<ClassLoader> classLoaderMatcher() {
    // The same floor as upstream's log4j-context-data-2.17.
    return hasClassesNamed(
        // added in 2.17.0 and backported to 2.12.3
        "org.apache.logging.log4j.core.lookup.ConfigurationStrSubstitutor",
        // added in 2.15.0
        "org.apache.logging.log4j.core.config.arbiters.DefaultArbiter");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new ProviderInterfaceInstrumentation());
  }

  @Override
  public List<String> getAdditionalHelperClassNames() {
    return GenAiHelperClasses.coreAnd(HELPERS);
  }

  /**
   * Transforms nothing: matching the SPI interface, which log4j loads just before it reads the
   * services files, is what makes the agent inject our helpers and services file in time.
   */
  public static final class ProviderInterfaceInstrumentation implements TypeInstrumentation {

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
      return named("org.apache.logging.log4j.core.util.ContextDataProvider");
    }

    @Override
    public void transform(TypeTransformer transformer) {}
  }
}
