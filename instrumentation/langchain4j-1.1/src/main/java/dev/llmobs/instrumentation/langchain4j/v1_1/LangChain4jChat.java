package dev.llmobs.instrumentation.langchain4j.v1_1;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.output.FinishReason;
import dev.llmobs.genai.GenAiMessages;
import dev.llmobs.genai.GenAiRequest;
import dev.llmobs.genai.GenAiResponse;
import dev.llmobs.genai.GenAiSemconv;
import dev.llmobs.genai.GenAiToolDefinitions;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Chat calls: maps LangChain4j's {@code ChatRequest} and {@code ChatResponse} to the neutral view.
 */
final class LangChain4jChat {

  // Parameters some provider modules add to ChatRequestParameters (OpenAI's, for example).
  private static final ClassValue<Method> SEED = LangChain4jModels.method("seed");
  private static final ClassValue<Method> MAX_COMPLETION_TOKENS =
      LangChain4jModels.method("maxCompletionTokens");

  /**
   * The request of a chat call of {@code model}: the parameters the call will use are the request's
   * over the model's defaults, as {@code ChatModel.chat} merges them.
   */
  static GenAiRequest request(Object model, ChatRequest chatRequest, boolean stream, int capture) {
    ChatRequestParameters parameters = parameters(model, chatRequest);
    String modelName = parameters == null ? null : parameters.modelName();
    GenAiRequest request =
        new GenAiRequest(GenAiSemconv.OPERATION_CHAT, LangChain4jProviders.of(model))
                .requestModel(modelName != null ? modelName : LangChain4jModels.modelName(model))
                .stream(stream)
                .serverFromUrl(LangChain4jModels.baseUrl(model));
    if (parameters != null) {
      Integer maxTokens = parameters.maxOutputTokens();
      request
          .temperature(parameters.temperature())
          .topP(parameters.topP())
          .topK(parameters.topK() == null ? null : parameters.topK().doubleValue())
          .maxTokens(
              maxTokens != null
                  ? Long.valueOf(maxTokens)
                  : number(LangChain4jModels.call(parameters, MAX_COMPLETION_TOKENS)))
          .frequencyPenalty(parameters.frequencyPenalty())
          .presencePenalty(parameters.presencePenalty())
          .seed(number(LangChain4jModels.call(parameters, SEED)));
      List<String> stop = parameters.stopSequences();
      if (stop != null && !stop.isEmpty()) {
        request.stopSequences(stop);
      }
    }
    if (capture > 0) {
      request.inputMessages(inputMessages(chatRequest.messages(), capture));
      if (parameters != null) {
        request.toolDefinitions(toolDefinitions(parameters.toolSpecifications(), capture));
      }
    }
    return request;
  }

  static ChatRequestParameters parameters(Object model, ChatRequest chatRequest) {
    ChatRequestParameters own = chatRequest.parameters();
    ChatRequestParameters defaults = null;
    if (model instanceof ChatModel) {
      defaults = ((ChatModel) model).defaultRequestParameters();
    } else if (model instanceof StreamingChatModel) {
      defaults = ((StreamingChatModel) model).defaultRequestParameters();
    }
    if (defaults == null) {
      return own;
    }
    return own == null ? defaults : defaults.overrideWith(own);
  }

  static GenAiResponse response(ChatResponse chatResponse, int capture) {
    GenAiResponse response = new GenAiResponse();
    ChatResponseMetadata metadata = chatResponse.metadata();
    String finishReason = null;
    if (metadata != null) {
      response.responseId(metadata.id()).responseModel(metadata.modelName());
      finishReason = finishReason(metadata.finishReason());
      if (finishReason != null) {
        response.finishReasons(Collections.singletonList(finishReason));
      }
      LangChain4jUsage.apply(metadata.tokenUsage(), response);
    }
    AiMessage message = chatResponse.aiMessage();
    if (capture > 0 && message != null) {
      GenAiMessages output = new GenAiMessages().add("assistant", message.text(), finishReason);
      toolCalls(output, message);
      response.outputMessages(output.toJson(capture));
    }
    return response;
  }

  /**
   * LangChain4j normalises each provider's finish reason to its {@code FinishReason}; this maps it
   * on to the semantic conventions' vocabulary. A constant without a counterpart ({@code OTHER}) is
   * passed on in lower case.
   */
  static String finishReason(FinishReason reason) {
    if (reason == null) {
      return null;
    }
    switch (reason.name()) {
      case "STOP":
        return GenAiSemconv.FINISH_STOP;
      case "LENGTH":
        return GenAiSemconv.FINISH_LENGTH;
      case "TOOL_EXECUTION":
        return GenAiSemconv.FINISH_TOOL_CALL;
      case "CONTENT_FILTER":
        return GenAiSemconv.FINISH_CONTENT_FILTER;
      default:
        return reason.name().toLowerCase(Locale.ROOT);
    }
  }

  /** The semantic-convention JSON of the messages' text (content capture only). */
  static String inputMessages(List<ChatMessage> messages, int capture) {
    if (messages == null) {
      return null;
    }
    GenAiMessages json = new GenAiMessages();
    for (ChatMessage message : messages) {
      if (message instanceof SystemMessage) {
        json.add("system", ((SystemMessage) message).text(), null);
      } else if (message instanceof UserMessage) {
        json.add("user", text(((UserMessage) message).contents()), null);
      } else if (message instanceof AiMessage) {
        json.add("assistant", ((AiMessage) message).text(), null);
        toolCalls(json, (AiMessage) message);
      } else if (message instanceof ToolExecutionResultMessage) {
        ToolExecutionResultMessage result = (ToolExecutionResultMessage) message;
        json.message("tool", null).toolCallResponse(result.id(), result.text());
      }
    }
    return json.isEmpty() ? null : json.toJson(capture);
  }

  private static void toolCalls(GenAiMessages json, AiMessage message) {
    if (message.hasToolExecutionRequests()) {
      for (ToolExecutionRequest call : message.toolExecutionRequests()) {
        json.toolCall(call.id(), call.name(), call.arguments());
      }
    }
  }

  /**
   * The tools offered, by name and description: LangChain4j keeps their parameters as schema
   * objects of its own, not JSON, so they are left out (optional in the conventions).
   */
  static String toolDefinitions(List<ToolSpecification> tools, int capture) {
    if (tools == null || tools.isEmpty()) {
      return null;
    }
    GenAiToolDefinitions definitions = new GenAiToolDefinitions();
    for (ToolSpecification tool : tools) {
      definitions.add(
          GenAiSemconv.TOOL_TYPE_FUNCTION, tool.name(), tool.description(), /* parameters */ null);
    }
    return definitions.toJson(capture);
  }

  private static String text(List<Content> contents) {
    if (contents == null) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    for (Content content : contents) {
      if (content instanceof TextContent) {
        text.append(((TextContent) content).text());
      }
    }
    return text.length() == 0 ? null : text.toString();
  }

  private static Long number(Object value) {
    return value instanceof Number ? ((Number) value).longValue() : null;
  }

  private LangChain4jChat() {}
}
