package dev.llmobs.instrumentation.googlegenai.v1_18;

import dev.llmobs.genai.GenAiFailures;
import dev.llmobs.genai.GenAiInstrumenter;
import dev.llmobs.genai.GenAiOperation;
import dev.llmobs.genai.GenAiOperationRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * {@code execute_tool} spans for the Java methods the SDK's automatic function calling runs ({@code
 * AfcUtil.getFunctionResponse(method, args, ..)}), named as the SDK declares them to the model: by
 * the method's name. The SDK passes the call's id nowhere near the method, so the span has none. A
 * method that throws becomes an error result for the model ({@code {"error": ..}}); its exception
 * is the span's {@code error.type}. Arguments and results with content capture only.
 */
public final class GoogleGenAiTools {

  /** Enter of {@code getFunctionResponse}: the operation, or null. */
  public static Object enter(Object method, Object args) {
    try {
      if (!(method instanceof Method)) {
        return null;
      }
      return GenAiOperation.start(
          GoogleGenAiCalls.MODULE,
          GenAiOperationRequest.executeTool(((Method) method).getName())
              .identity(method)
              .arguments(GoogleGenAiRequests.json(args), capture()));
    } catch (Throwable t) {
      GenAiFailures.record(GoogleGenAiCalls.MODULE, t);
      return null;
    }
  }

  /** Exit of {@code getFunctionResponse}. */
  public static void exit(Object operation, Object result, Throwable error) {
    if (!(operation instanceof GenAiOperation)) {
      return;
    }
    String text = null;
    try {
      if (capture() > 0) {
        text = result instanceof String ? (String) result : GoogleGenAiRequests.json(result);
      }
    } catch (Throwable t) {
      GenAiFailures.record(GoogleGenAiCalls.MODULE, t);
    }
    ((GenAiOperation) operation)
        .exitTool(
            text, error instanceof InvocationTargetException ? error.getCause() : null, error);
  }

  private static int capture() {
    return GenAiInstrumenter.captureContentMaxLength();
  }

  private GoogleGenAiTools() {}
}
