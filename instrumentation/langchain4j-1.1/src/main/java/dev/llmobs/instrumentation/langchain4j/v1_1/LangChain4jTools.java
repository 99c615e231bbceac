package dev.llmobs.instrumentation.langchain4j.v1_1;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.llmobs.genai.GenAiFailures;
import dev.llmobs.genai.GenAiInstrumenter;
import dev.llmobs.genai.GenAiOperation;
import dev.llmobs.genai.GenAiOperationRequest;
import dev.llmobs.genai.GenAiOperationResult;
import io.opentelemetry.context.Context;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * {@code execute_tool} spans for the tools LangChain4j runs: every {@code ToolExecutor}
 * ({@code @Tool} methods through {@code DefaultToolExecutor}, the application's own executors, MCP
 * tools), at {@code execute(request, memoryId)} and, from 1.6 on, {@code
 * executeWithContext(request, context)}; one span per request, whichever of the two calls the
 * other. A {@code @Tool} method that throws is turned into an error result by {@code
 * DefaultToolExecutor}: its exception is noticed on the way ({@link #toolMethodFailed}) and becomes
 * the span's {@code error.type}. Arguments and results are recorded with content capture only.
 */
public final class LangChain4jTools {

  // ToolExecutionResult (1.6 on), read reflectively: the module's floor predates it.
  private static final ClassValue<Method> IS_ERROR = LangChain4jModels.method("isError");
  private static final ClassValue<Method> RESULT_TEXT = LangChain4jModels.method("resultText");

  /** Enter of {@code ToolExecutor.execute/executeWithContext}: the operation, or null. */
  public static Object enter(Object request) {
    try {
      if (!(request instanceof ToolExecutionRequest)) {
        return null;
      }
      ToolExecutionRequest call = (ToolExecutionRequest) request;
      return GenAiOperation.start(
          LangChain4jCalls.MODULE,
          GenAiOperationRequest.executeTool(call.name())
              .toolCallId(call.id())
              .identity(call)
              .arguments(call.arguments(), capture()));
    } catch (Throwable t) {
      GenAiFailures.record(LangChain4jCalls.MODULE, t);
      return null;
    }
  }

  /** Exit of {@code ToolExecutor.execute/executeWithContext}. */
  public static void exit(Object operation, Object result, Throwable error) {
    if (!(operation instanceof GenAiOperation)) {
      return;
    }
    GenAiOperationResult outcome = new GenAiOperationResult();
    try {
      int capture = capture();
      if (result instanceof String) {
        outcome.result((String) result, capture);
      } else if (result != null) {
        if (Boolean.TRUE.equals(LangChain4jModels.call(result, IS_ERROR))) {
          outcome.failed();
        }
        if (capture > 0) {
          Object text = LangChain4jModels.call(result, RESULT_TEXT);
          outcome.result(text instanceof String ? (String) text : null, capture);
        }
      }
    } catch (Throwable t) {
      GenAiFailures.record(LangChain4jCalls.MODULE, t);
    }
    ((GenAiOperation) operation).exit(outcome, error);
  }

  /**
   * Exit of {@code DefaultToolExecutor}'s private {@code execute(Object[])}, which invokes the
   * {@code @Tool} method: a failure of the method is the running tool operation's.
   */
  public static void toolMethodFailed(Throwable error) {
    if (!(error instanceof InvocationTargetException)) {
      return;
    }
    GenAiOperation operation = GenAiOperation.current(Context.current());
    if (operation != null && operation.request().isTool()) {
      operation.failedWith(((InvocationTargetException) error).getCause());
    }
  }

  private static int capture() {
    return GenAiInstrumenter.captureContentMaxLength();
  }

  private LangChain4jTools() {}
}
