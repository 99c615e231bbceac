package dev.llmobs.instrumentation.springai.v1_1;

import dev.llmobs.genai.GenAiCall;
import dev.llmobs.genai.GenAiFailures;
import dev.llmobs.genai.GenAiInstrumenter;
import dev.llmobs.genai.GenAiMessages;
import dev.llmobs.genai.GenAiRequest;
import dev.llmobs.genai.GenAiResponse;
import dev.llmobs.genai.GenAiSemconv;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
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

  /** Method enter of {@code call(Prompt)}: the started call, or null. */
  public static GenAiCall start(Object model, Object prompt) {
    try {
      if (GenAiCall.current(Context.current()) != null) {
        return null; // an outer GenAI layer owns the span
      }
      return GenAiCall.start(MODULE, request(model, (Prompt) prompt, false));
    } catch (Throwable t) {
      GenAiFailures.record(MODULE, t);
      return null;
    }
  }

  /** Method exit of {@code call(Prompt)}. */
  public static void end(GenAiCall call, Object result, Throwable error) {
    if (call == null) {
      return;
    }
    call.closeScope();
    if (error != null) {
      call.end(SpringAiErrors.response(error), error);
      return;
    }
    final String provider = call.request().providerName();
    call.endWith(
        (Function<Object, GenAiResponse>) r -> response((ChatResponse) r, provider), result);
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
        messages.add(role(message), message.getText(), null);
      }
      if (!messages.isEmpty()) {
        request.inputMessages(messages.toJson(capture));
      }
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
      output.add("assistant", text(generation), reason);
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
