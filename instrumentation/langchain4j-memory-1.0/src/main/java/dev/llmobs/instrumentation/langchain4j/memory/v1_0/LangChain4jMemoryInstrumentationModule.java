package dev.llmobs.instrumentation.langchain4j.memory.v1_0;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;

import dev.llmobs.genai.GenAiHelperClasses;
import dev.llmobs.genai.stores.StoreHelperClasses;
import io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * LangChain4j 1.0 and later: every {@code ChatMemoryStore} implementation (the in-memory one, the
 * community's Redis, Cassandra, ... stores, the application's own) gets store spans {@code get},
 * {@code update} and {@code delete} with the memory id as conversation id, and hands that id to the
 * GenAI calls that follow in the same request. Disable with {@code
 * -Dotel.instrumentation.llmobs-langchain4j-memory.enabled=false}.
 */
public final class LangChain4jMemoryInstrumentationModule extends InstrumentationModule {

  static final String PACKAGE = "dev.llmobs.instrumentation.langchain4j.memory.v1_0";

  // Helpers injected into the application's class loader, besides the GenAI and store cores.
  static final List<String> HELPERS = Collections.singletonList(PACKAGE + ".LangChain4jMemory");

  public LangChain4jMemoryInstrumentationModule() {
    super("llmobs-langchain4j-memory", "llmobs-langchain4j-memory-1.0");
  }

  @Override
  public ElementMatcher.Junction<ClassLoader> classLoaderMatcher() {
    // ChatModel is the 1.x name of the chat model interface (ChatLanguageModel before 1.0); the
    // ChatMemoryStore methods are the same in every 1.x release.
    return hasClassesNamed(
        LangChain4jMemory.CHAT_MEMORY_STORE, "dev.langchain4j.model.chat.ChatModel");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new ChatMemoryStoreInstrumentation());
  }

  @Override
  public List<String> getAdditionalHelperClassNames() {
    return GenAiHelperClasses.coreAnd(StoreHelperClasses.NAMES, HELPERS);
  }
}
