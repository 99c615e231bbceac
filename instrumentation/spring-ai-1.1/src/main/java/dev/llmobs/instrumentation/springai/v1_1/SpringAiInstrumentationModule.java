package dev.llmobs.instrumentation.springai.v1_1;

import dev.llmobs.genai.GenAiHelperClasses;
import io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What both Spring AI lines share: the same instrumentations and helpers, only the version guard
 * differs. All of it is switched off with {@code
 * -Dotel.instrumentation.llmobs-spring-ai.enabled=false}; one line alone with {@code
 * llmobs-spring-ai-1.1} or {@code llmobs-spring-ai-2.0}.
 */
abstract class SpringAiInstrumentationModule extends InstrumentationModule {

  private static final String PACKAGE = "dev.llmobs.instrumentation.springai.v1_1";

  // Helpers injected into the application's class loader, besides the GenAI core. Names as
  // strings: these classes name Spring AI, Reactor and Micrometer types, absent from the agent's
  // own class loader.
  static final List<String> HELPERS =
      Collections.unmodifiableList(
          Arrays.asList(
              PACKAGE + ".SpringAiProviders",
              PACKAGE + ".SpringAiProviders$1",
              PACKAGE + ".SpringAiReflection",
              PACKAGE + ".SpringAiReflection$1",
              PACKAGE + ".SpringAiUsage",
              PACKAGE + ".SpringAiFinishReasons",
              PACKAGE + ".SpringAiErrors",
              PACKAGE + ".SpringAiChat",
              PACKAGE + ".SpringAiRounds",
              PACKAGE + ".SpringAiTools",
              PACKAGE + ".SpringAiTools$Batch",
              PACKAGE + ".SpringAiChatStreamAccumulator",
              PACKAGE + ".TracedChatFlux",
              PACKAGE + ".TracedChatFlux$TracedSubscriber",
              PACKAGE + ".SpringAiEmbeddings",
              PACKAGE + ".SpringAiObservations",
              PACKAGE + ".SpringAiObservations$1"));

  SpringAiInstrumentationModule(String line) {
    super("llmobs-spring-ai", "llmobs-spring-ai-" + line);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(
        new ChatModelInstrumentation(),
        new EmbeddingModelInstrumentation(),
        new ToolCallbackInstrumentation(),
        new ToolCallingManagerInstrumentation(),
        new ObservationConfigInstrumentation());
  }

  @Override
  public List<String> getAdditionalHelperClassNames() {
    return GenAiHelperClasses.coreAnd(HELPERS);
  }
}
