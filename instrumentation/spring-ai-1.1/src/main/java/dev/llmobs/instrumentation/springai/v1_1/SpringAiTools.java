package dev.llmobs.instrumentation.springai.v1_1;

import dev.llmobs.genai.GenAiCall;
import dev.llmobs.genai.GenAiFailures;
import dev.llmobs.genai.GenAiInstrumenter;
import dev.llmobs.genai.GenAiOperation;
import dev.llmobs.genai.GenAiOperationRequest;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.model.tool.ToolExecutionResult;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * {@code execute_tool} spans for the tools Spring AI runs: {@code ToolCallback.call} of every
 * implementation ({@code @Tool} methods through {@code MethodToolCallback}, {@code
 * FunctionToolCallback}, MCP tools, the application's own), one span per call whichever overload
 * the caller used. The callback never sees the id of the tool call it serves; {@code
 * ToolCallingManager.executeToolCalls}, which runs the calls of one model response in order on its
 * own thread, does: the calls it is about to run are kept for the thread, and each callback takes
 * the first one of its name (and, where they differ, its arguments). A tool that throws {@code
 * ToolExecutionException} (what {@code MethodToolCallback} makes of a failing method, and what the
 * manager turns into an error result for the model) gets the exception's cause as {@code
 * error.type}. Arguments and results with content capture only.
 */
public final class SpringAiTools {

  private static final String TOOL_EXECUTION_EXCEPTION =
      "org.springframework.ai.tool.execution.ToolExecutionException";

  // The tool calls of the model response the manager is running on this thread, not yet taken.
  private static final ThreadLocal<List<Object>> PENDING = new ThreadLocal<>();

  /**
   * Enter of {@code ToolCallingManager.executeToolCalls(prompt, response)}: what the exit needs
   * (never null).
   */
  public static Object beforeTools(Object prompt, Object response) {
    Batch batch = new Batch(PENDING.get());
    try {
      if (response instanceof ChatResponse) {
        List<Object> calls = new ArrayList<>();
        for (Generation generation : ((ChatResponse) response).getResults()) {
          AssistantMessage message = generation.getOutput();
          if (message != null && message.hasToolCalls()) {
            calls.addAll(message.getToolCalls());
          }
        }
        PENDING.set(calls);
        batch.rounds = SpringAiRounds.roundEnded((ChatResponse) response);
      }
    } catch (Throwable t) {
      GenAiFailures.record(SpringAiChat.MODULE, t);
    }
    return batch;
  }

  /** Exit of {@code executeToolCalls}. */
  public static void afterTools(Object state, Object prompt, Object result, Throwable error) {
    if (!(state instanceof Batch)) {
      return;
    }
    Batch batch = (Batch) state;
    if (batch.previous == null) {
      PENDING.remove();
    } else {
      PENDING.set(batch.previous);
    }
    if (batch.rounds != null && error == null && result instanceof ToolExecutionResult) {
      batch.rounds.nextRound(prompt, (ToolExecutionResult) result);
    }
  }

  /** Enter of {@code ToolCallback.call(input)} and {@code call(input, toolContext)}. */
  public static Object enter(Object callback, String input) {
    try {
      if (!(callback instanceof ToolCallback)) {
        return null;
      }
      ToolDefinition definition = ((ToolCallback) callback).getToolDefinition();
      if (definition == null) {
        return null;
      }
      String name = definition.name();
      if (isRunning(name)) {
        return null;
      }
      return GenAiOperation.start(
          SpringAiChat.MODULE,
          GenAiOperationRequest.executeTool(name)
              .toolDescription(definition.description())
              .toolCallId(takeCallId(name, input))
              .identity(callback)
              .arguments(input, GenAiInstrumenter.captureContentMaxLength()));
    } catch (Throwable t) {
      GenAiFailures.record(SpringAiChat.MODULE, t);
      return null;
    }
  }

  /** Exit of {@code ToolCallback.call}. */
  public static void exit(Object operation, Object result, Throwable error) {
    if (operation instanceof GenAiOperation) {
      Throwable toolFailure =
          error != null && TOOL_EXECUTION_EXCEPTION.equals(error.getClass().getName())
              ? error.getCause()
              : null;
      ((GenAiOperation) operation)
          .exitTool(result instanceof String ? (String) result : null, toolFailure, error);
    }
  }

  // The same tool entered again by an inner layer (one overload calling the other, a wrapper): the
  // pending call id stays for the next call.
  private static boolean isRunning(String name) {
    Context context = Context.current();
    GenAiOperation running = GenAiOperation.current(context);
    return running != null
        && running.request().isTool()
        && name != null
        && name.equals(running.request().name())
        && GenAiCall.current(context) == null;
  }

  private static String takeCallId(String name, String input) {
    List<Object> pending = PENDING.get();
    if (pending == null || name == null) {
      return null;
    }
    Object byName = null;
    for (Object call : pending) {
      if (!name.equals(SpringAiChat.string(call, "name"))) {
        continue;
      }
      if (byName == null) {
        byName = call;
      }
      // The manager passes "{}" for a call without arguments.
      String arguments = SpringAiChat.string(call, "arguments");
      if (input == null || input.equals(arguments) || (isBlank(arguments) && "{}".equals(input))) {
        byName = call;
        break;
      }
    }
    if (byName == null) {
      return null;
    }
    for (Iterator<Object> it = pending.iterator(); it.hasNext(); ) {
      if (it.next() == byName) {
        it.remove();
        break;
      }
    }
    return SpringAiChat.blankToNull(SpringAiChat.string(byName, "id"));
  }

  private static boolean isBlank(String value) {
    return value == null || value.trim().isEmpty();
  }

  /** One {@code executeToolCalls}: the calls pending before it, and the model loop it ended. */
  static final class Batch {
    final List<Object> previous;
    SpringAiRounds rounds;

    Batch(List<Object> previous) {
      this.previous = previous;
    }
  }

  private SpringAiTools() {}
}
