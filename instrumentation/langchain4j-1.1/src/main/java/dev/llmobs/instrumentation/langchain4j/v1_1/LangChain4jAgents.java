package dev.llmobs.instrumentation.langchain4j.v1_1;

import dev.llmobs.genai.GenAiFailures;
import dev.llmobs.genai.GenAiOperation;
import dev.llmobs.genai.GenAiOperationRequest;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * {@code invoke_agent} spans for LangChain4j agents: an AI Service call (the {@code
 * InvocationHandler} of the proxy {@code AiServices} builds, named by the service interface) and,
 * with langchain4j-agentic, an agent or a workflow of agents (their {@code AgentInvocationHandler}
 * and {@code PlannerBasedInvocationHandler}, named by the agent's name). An agentic agent runs an
 * AI Service of the same interface method: the agentic layer, outermost, owns the one span. The
 * chat and tool spans of the run are its children.
 *
 * <p>Not traced as agent runs: {@code Object} and default methods, the frameworks' own interfaces
 * on the proxies (chat memory access, agentic scope and monitoring), and methods that return a
 * stream ({@code TokenStream}, reactive types), whose work happens after the method has returned.
 */
public final class LangChain4jAgents {

  private static final String AI_SERVICES_HANDLER = "dev.langchain4j.service.DefaultAiServices";
  private static final String CHAT_MEMORY_ACCESS =
      "dev.langchain4j.service.memory.ChatMemoryAccess";
  private static final String UNTYPED_AGENT = "dev.langchain4j.agentic.UntypedAgent";
  private static final String[] STREAM_TYPES = {
    "dev.langchain4j.service.TokenStream",
    "org.reactivestreams.Publisher",
    "reactor.core.publisher.Flux",
    "io.smallrye.mutiny.Multi"
  };

  // The anonymous handler's enclosing DefaultAiServices, its AiServiceContext and chat model.
  private static final ClassValue<Field> OUTER = LangChain4jModels.field("this$0");
  private static final ClassValue<Field> CONTEXT = LangChain4jModels.field("context");
  private static final ClassValue<Field> CHAT_MODEL = LangChain4jModels.field("chatModel");
  private static final ClassValue<Field> STREAMING_CHAT_MODEL =
      LangChain4jModels.field("streamingChatModel");
  // An agentic handler's agent name (AgentInstance.name()).
  private static final ClassValue<Method> NAME = LangChain4jModels.method("name");

  /** Enter of an agent proxy's {@code InvocationHandler.invoke}: the operation, or null. */
  public static Object enter(Object handler, Object proxy, Method method) {
    try {
      if (method == null || !isAgentMethod(handler, method)) {
        return null;
      }
      boolean aiService = handler.getClass().getName().startsWith(AI_SERVICES_HANDLER);
      Object context =
          aiService
              ? LangChain4jModels.read(LangChain4jModels.read(handler, OUTER), CONTEXT)
              : LangChain4jModels.read(handler, CONTEXT);
      Object model = LangChain4jModels.read(context, CHAT_MODEL);
      if (model == null) {
        model = LangChain4jModels.read(context, STREAMING_CHAT_MODEL);
      }
      GenAiOperationRequest request =
          GenAiOperationRequest.invokeAgent(
                  aiService ? serviceName(proxy, method) : agentName(handler))
              // The agentic layer and the AI Service it runs see the same method.
              .identity(method)
              .providerName(model == null ? null : LangChain4jProviders.of(model));
      return GenAiOperation.start(LangChain4jCalls.MODULE, request);
    } catch (Throwable t) {
      GenAiFailures.record(LangChain4jCalls.MODULE, t);
      return null;
    }
  }

  /** Exit of the handler's {@code invoke}. */
  public static void exit(Object operation, Throwable error) {
    if (operation instanceof GenAiOperation) {
      ((GenAiOperation) operation).exit(null, error);
    }
  }

  static boolean isAgentMethod(Object handler, Method method) {
    Class<?> declaring = method.getDeclaringClass();
    if (declaring == Object.class || method.isDefault() || returnsStream(method)) {
      return false;
    }
    String name = declaring.getName();
    if (handler.getClass().getName().startsWith(AI_SERVICES_HANDLER)) {
      return !CHAT_MEMORY_ACCESS.equals(name);
    }
    // The agentic proxies also implement the framework's own interfaces.
    return !name.startsWith("dev.langchain4j.") || UNTYPED_AGENT.equals(name);
  }

  private static boolean returnsStream(Method method) {
    for (Class<?> type = method.getReturnType(); type != null; type = type.getSuperclass()) {
      if (isStreamType(type)) {
        return true;
      }
      for (Class<?> implemented : type.getInterfaces()) {
        if (isStreamType(implemented)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isStreamType(Class<?> type) {
    for (String stream : STREAM_TYPES) {
      if (stream.equals(type.getName())) {
        return true;
      }
    }
    return false;
  }

  // The AI Service interface the proxy was built for (the method may be declared by a parent).
  private static String serviceName(Object proxy, Method method) {
    Class<?>[] interfaces = proxy == null ? new Class<?>[0] : proxy.getClass().getInterfaces();
    return (interfaces.length > 0 ? interfaces[0] : method.getDeclaringClass()).getSimpleName();
  }

  private static String agentName(Object handler) {
    Object name = LangChain4jModels.call(handler, NAME);
    return name instanceof String ? (String) name : null;
  }

  private LangChain4jAgents() {}
}
