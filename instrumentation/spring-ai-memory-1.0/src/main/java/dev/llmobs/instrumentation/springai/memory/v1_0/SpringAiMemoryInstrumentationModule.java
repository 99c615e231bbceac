package dev.llmobs.instrumentation.springai.memory.v1_0;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;

import dev.llmobs.genai.GenAiHelperClasses;
import dev.llmobs.genai.stores.StoreHelperClasses;
import io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Spring AI 1.0 and later: every {@code ChatMemoryRepository} implementation (in-memory, JDBC,
 * Cassandra, Neo4j, ... and the application's own) gets store spans {@code list}, {@code get},
 * {@code update} and {@code delete} with the conversation id, and hands that id to the GenAI calls
 * that follow in the same request. Disable with {@code
 * -Dotel.instrumentation.llmobs-spring-ai-memory.enabled=false}.
 */
public final class SpringAiMemoryInstrumentationModule extends InstrumentationModule {

  static final String PACKAGE = "dev.llmobs.instrumentation.springai.memory.v1_0";

  // Helpers injected into the application's class loader, besides the GenAI and store cores.
  static final List<String> HELPERS = Collections.singletonList(PACKAGE + ".SpringAiMemory");

  public SpringAiMemoryInstrumentationModule() {
    super("llmobs-spring-ai-memory", "llmobs-spring-ai-memory-1.0");
  }

  @Override
  public ElementMatcher.Junction<ClassLoader> classLoaderMatcher() {
    // ChatMemoryRepository first appeared in Spring AI 1.0 with these four methods.
    return hasClassesNamed(SpringAiMemory.CHAT_MEMORY_REPOSITORY);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(
        new ChatMemoryRepositoryInstrumentation());
  }

  @Override
  public List<String> getAdditionalHelperClassNames() {
    return GenAiHelperClasses.coreAnd(StoreHelperClasses.NAMES, HELPERS);
  }
}
