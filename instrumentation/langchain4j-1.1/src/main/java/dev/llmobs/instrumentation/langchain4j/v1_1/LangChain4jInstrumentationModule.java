package dev.llmobs.instrumentation.langchain4j.v1_1;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;

import dev.llmobs.genai.GenAiHelperClasses;
import io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * LangChain4j 1.1 and later: every {@code ChatModel}, {@code StreamingChatModel} and {@code
 * EmbeddingModel}, whatever its provider module, through the model interfaces of langchain4j-core.
 * Disable with {@code -Dotel.instrumentation.llmobs-langchain4j.enabled=false}.
 *
 * <p>One call, one span: this layer is usually the outermost GenAI layer, so it owns the span, and
 * a provider SDK we also instrument underneath (langchain4j-open-ai-official on openai-java, say)
 * starts nothing. Agents and tools (the langchain4j artifact's AI Services and tool executors,
 * langchain4j-agentic's agents) get {@code invoke_agent} and {@code execute_tool} spans that parent
 * the chat spans of their run.
 */
public final class LangChain4jInstrumentationModule extends InstrumentationModule {

  private static final String PACKAGE = "dev.llmobs.instrumentation.langchain4j.v1_1";

  // Helpers injected into the application's class loader, besides the GenAI core. Names as
  // strings: loading these classes in the agent's class loader, where LangChain4j is absent, would
  // fail the agent's start.
  static final List<String> HELPERS =
      Collections.unmodifiableList(
          Arrays.asList(
              PACKAGE + ".LangChain4jCalls",
              PACKAGE + ".LangChain4jChat",
              PACKAGE + ".LangChain4jEmbeddings",
              PACKAGE + ".LangChain4jModels",
              PACKAGE + ".LangChain4jModels$1",
              PACKAGE + ".LangChain4jModels$2",
              PACKAGE + ".LangChain4jProviders",
              PACKAGE + ".LangChain4jUsage",
              PACKAGE + ".LangChain4jStreamAccumulator",
              PACKAGE + ".TracingStreamingHandler",
              PACKAGE + ".LangChain4jAgents",
              PACKAGE + ".LangChain4jTools"));

  public LangChain4jInstrumentationModule() {
    super("llmobs-langchain4j", "llmobs-langchain4j-1.1");
  }

  @Override
  public ElementMatcher.Junction<ClassLoader> classLoaderMatcher() {
    // The floor is langchain4j-core 1.1.0 (tested there and on the newest 1.x): the first release
    // in which the OpenAI and Anthropic modules both implement doChat with default request
    // parameters, so the request model is known when the call starts; the guardrail API is new in
    // 1.1.0 and still there. ChatModel (1.0 on) keeps 0.x's ChatLanguageModel out.
    return hasClassesNamed(
        "dev.langchain4j.model.chat.ChatModel",
        "dev.langchain4j.model.chat.request.ChatRequest",
        "dev.langchain4j.guardrail.InputGuardrail");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new ChatModelInstrumentation(),
        new StreamingChatModelInstrumentation(),
        new EmbeddingModelInstrumentation(),
        new AiServiceInstrumentation(),
        new ToolExecutorInstrumentation(),
        new DefaultToolExecutorInstrumentation());
  }

  @Override
  public List<String> getAdditionalHelperClassNames() {
    return GenAiHelperClasses.coreAnd(HELPERS);
  }
}
