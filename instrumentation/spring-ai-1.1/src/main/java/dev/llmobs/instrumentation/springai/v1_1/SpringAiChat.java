package dev.llmobs.instrumentation.springai.v1_1;

import dev.llmobs.genai.GenAiCall;
import dev.llmobs.genai.GenAiFailures;
import dev.llmobs.genai.GenAiInstrumenter;
import dev.llmobs.genai.GenAiMessages;
import dev.llmobs.genai.GenAiRequest;
import dev.llmobs.genai.GenAiResponse;
import dev.llmobs.genai.GenAiSemconv;
import dev.llmobs.genai.GenAiToolDefinitions;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import reactor.core.publisher.Flux;

/**
 * Spring AI's {@code ChatModel.call(Prompt)} and {@code stream(Prompt)}, of any implementation, in
 * the neutral view: the request from the prompt's options over the model's defaults (what Spring AI
 * itself merges before sending), the response from {@link ChatResponse}. The convenience overloads
 * ({@code call(String)}, {@code call(Message...)}, {@code stream(String)}) all go through these
 * two, so each gives one span.
 */
public final class SpringAiChat {

  static final String MODULE = "spring-ai";

  /**
   * Method enter of {@code call(Prompt)}: the started call (see {@link SpringAiRounds}), or null.
   */
  public static Object start(Object model, Object prompt) {
    try {
      if (GenAiCall.current(Context.current()) != null) {
        return null; // an outer GenAI layer owns the span
      }
      return SpringAiRounds.start(model, (Prompt) prompt);
    } catch (Throwable t) {
      GenAiFailures.record(MODULE, t);
      return null;
    }
  }

  /** Method exit of {@code call(Prompt)}. */
  public static void end(Object call, Object result, Throwable error) {
    if (call instanceof SpringAiRounds) {
      ((SpringAiRounds) call).end(result, error);
    }
  }

  /**
   * Method exit of {@code stream(Prompt)}: the Flux the caller gets, traced from its subscription
   * on; the Flux as it is when an outer GenAI call is current. A {@code stream} that threw gets a
   * failed span at once.
   */
  public static Object stream(Object model, Object prompt, Object flux, Throwable error) {
    try {
      if (GenAiCall.current(Context.current()) != null) {
        return flux;
      }
      GenAiRequest request = request(model, (Prompt) prompt, true);
      if (error != null) {
        GenAiCall call = GenAiCall.start(MODULE, request);
        if (call != null) {
          call.exit(SpringAiErrors.response(error), error);
        }
        return flux;
      }
      if (!(flux instanceof Flux)) {
        return flux;
      }
      @SuppressWarnings("unchecked")
      Flux<ChatResponse> source = (Flux<ChatResponse>) flux;
      return new TracedChatFlux(source, request, Context.current());
    } catch (Throwable t) {
      GenAiFailures.record(MODULE, t);
      return flux;
    }
  }

  static GenAiRequest request(Object model, Prompt prompt, boolean stream) {
    ChatOptions runtime = prompt == null ? null : prompt.getOptions();
    ChatOptions defaults = model instanceof ChatModel ? defaults((ChatModel) model) : null;
    GenAiRequest request =
        new GenAiRequest(GenAiSemconv.OPERATION_CHAT, SpringAiProviders.of(model.getClass()))
            .requestModel(pick(runtime, defaults, ChatOptions::getModel)).stream(stream)
                .temperature(pick(runtime, defaults, ChatOptions::getTemperature))
                .topP(pick(runtime, defaults, ChatOptions::getTopP))
                .topK(toDouble(pick(runtime, defaults, ChatOptions::getTopK)))
                .maxTokens(toLong(pick(runtime, defaults, ChatOptions::getMaxTokens)))
                .frequencyPenalty(pick(runtime, defaults, ChatOptions::getFrequencyPenalty))
                .presencePenalty(pick(runtime, defaults, ChatOptions::getPresencePenalty));
    List<String> stop = pick(runtime, defaults, ChatOptions::getStopSequences);
    if (stop != null && !stop.isEmpty()) {
      request.stopSequences(new ArrayList<>(stop));
    }
    int capture = GenAiInstrumenter.captureContentMaxLength();
    if (capture > 0 && prompt != null) {
      GenAiMessages messages = new GenAiMessages();
      for (Message message : prompt.getInstructions()) {
        if (message instanceof ToolResponseMessage) {
          messages.message(role(message), null);
          for (Object result : ((ToolResponseMessage) message).getResponses()) {
            messages.toolCallResponse(
                blankToNull(string(result, "id")), string(result, "responseData"));
          }
          continue;
        }
        messages.add(role(message), blankToNull(message.getText()), null);
        if (message instanceof AssistantMessage) {
          toolCalls(messages, (AssistantMessage) message);
        }
      }
      if (!messages.isEmpty()) {
        request.inputMessages(messages.toJson(capture));
      }
      request.toolDefinitions(toolDefinitions(runtime, defaults, capture));
    }
    return request;
  }

  static GenAiResponse response(ChatResponse result, String provider) {
    GenAiResponse response = new GenAiResponse();
    if (result == null) {
      return response;
    }
    ChatResponseMetadata metadata = result.getMetadata();
    if (metadata != null) {
      response.responseId(blankToNull(metadata.getId()));
      response.responseModel(blankToNull(metadata.getModel()));
      SpringAiUsage.apply(metadata.getUsage(), provider, response);
    }
    List<String> reasons = new ArrayList<>();
    GenAiMessages output = new GenAiMessages();
    for (Generation generation : result.getResults()) {
      String reason = finishReason(generation);
      if (reason != null) {
        reasons.add(reason);
      }
      output.add("assistant", blankToNull(text(generation)), reason);
      if (generation.getOutput() != null) {
        toolCalls(output, generation.getOutput());
      }
    }
    if (!reasons.isEmpty()) {
      response.finishReasons(reasons);
    }
    int capture = GenAiInstrumenter.captureContentMaxLength();
    if (capture > 0 && !output.isEmpty()) {
      response.outputMessages(output.toJson(capture));
    }
    return response;
  }

  static void toolCalls(GenAiMessages messages, AssistantMessage message) {
    if (message.hasToolCalls()) {
      for (Object call : message.getToolCalls()) {
        messages.toolCall(
            blankToNull(string(call, "id")), string(call, "name"), string(call, "arguments"));
      }
    }
  }

  /**
   * The tools a request offers: the callbacks of its options, else of the model's defaults (what
   * Spring AI merges before sending). Tools named only by {@code toolNames} (1.1, resolved inside
   * the model) are not seen.
   */
  private static String toolDefinitions(ChatOptions runtime, ChatOptions defaults, int capture) {
    List<ToolCallback> callbacks = callbacks(runtime);
    if (callbacks.isEmpty()) {
      callbacks = callbacks(defaults);
    }
    GenAiToolDefinitions definitions = new GenAiToolDefinitions();
    for (ToolCallback callback : callbacks) {
      ToolDefinition tool = callback == null ? null : callback.getToolDefinition();
      if (tool != null) {
        definitions.add(
            GenAiSemconv.TOOL_TYPE_FUNCTION, tool.name(), tool.description(), tool.inputSchema());
      }
    }
    return definitions.toJson(capture);
  }

  private static List<ToolCallback> callbacks(ChatOptions options) {
    List<ToolCallback> callbacks =
        options instanceof ToolCallingChatOptions
            ? ((ToolCallingChatOptions) options).getToolCallbacks()
            : null;
    return callbacks == null ? Collections.<ToolCallback>emptyList() : callbacks;
  }

  /**
   * A string component of one of Spring AI's records (tool calls, tool responses): read by name, as
   * the module is compiled for Java 8, which has no records.
   */
  static String string(Object record, String component) {
    Object value = SpringAiReflection.path(record, component);
    return value instanceof String ? (String) value : null;
  }

  static String finishReason(Generation generation) {
    return generation.getMetadata() == null
        ? null
        : SpringAiFinishReasons.map(generation.getMetadata().getFinishReason());
  }

  static String text(Generation generation) {
    return generation.getOutput() == null ? null : generation.getOutput().getText();
  }

  private static String role(Message message) {
    return message.getMessageType() == null ? null : message.getMessageType().getValue();
  }

  // Some models build their default options afresh on every call, and an unusual one may fail.
  private static ChatOptions defaults(ChatModel model) {
    try {
      return model.getDefaultOptions();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static <T> T pick(
      ChatOptions runtime, ChatOptions defaults, Function<ChatOptions, T> option) {
    T value = runtime == null ? null : option.apply(runtime);
    return value != null || defaults == null ? value : option.apply(defaults);
  }

  static String blankToNull(String value) {
    return value == null || value.trim().isEmpty() ? null : value;
  }

  private static Double toDouble(Integer value) {
    return value == null ? null : value.doubleValue();
  }

  private static Long toLong(Integer value) {
    return value == null ? null : value.longValue();
  }

  private SpringAiChat() {}
}
