package dev.llmobs.instrumentation.openai.v2_0;

import com.openai.core.ClientOptions;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.CompletionUsage;
import dev.llmobs.genai.GenAiCall;
import dev.llmobs.genai.GenAiErrors;
import dev.llmobs.genai.GenAiRequest;
import dev.llmobs.genai.GenAiResponse;
import dev.llmobs.genai.GenAiSemconv;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Maps openai-java chat-completion types to the neutral GenAI view. Never throws. */
public final class OpenAiChatMapper {

  public static GenAiRequest request(
      ChatCompletionCreateParams params, ClientOptions clientOptions, boolean stream) {
    try {
      GenAiRequest request =
          new GenAiRequest(GenAiSemconv.OPERATION_CHAT, GenAiSemconv.PROVIDER_OPENAI)
              .requestModel(params.model().asString())
              .stream(stream)
              .temperature(params.temperature().orElse(null))
              .topP(params.topP().orElse(null))
              .maxTokens(params.maxCompletionTokens().orElse(params.maxTokens().orElse(null)))
              .seed(params.seed().orElse(null))
              .choiceCount(params.n().orElse(null))
              .frequencyPenalty(params.frequencyPenalty().orElse(null))
              .presencePenalty(params.presencePenalty().orElse(null));
      if (params.stop().isPresent()) {
        ChatCompletionCreateParams.Stop stop = params.stop().get();
        request.stopSequences(
            stop.isString() ? Collections.singletonList(stop.asString()) : stop.asStrings());
      }
      if (clientOptions != null) {
        request.serverFromUrl(clientOptions.baseUrl());
      }
      return request;
    } catch (Throwable t) {
      GenAiCall.logFailure(t);
      return null;
    }
  }

  public static GenAiResponse response(ChatCompletion completion, Throwable error) {
    if (error != null) {
      return GenAiResponse.failed(errorType(error));
    }
    if (completion == null) {
      return null;
    }
    try {
      GenAiResponse response =
          new GenAiResponse().responseId(completion.id()).responseModel(completion.model());
      List<String> finishReasons = new ArrayList<>();
      for (ChatCompletion.Choice choice : completion.choices()) {
        finishReasons.add(choice.finishReason().asString());
      }
      response.finishReasons(finishReasons);
      if (completion.usage().isPresent()) {
        usage(completion.usage().get(), response);
      }
      return response;
    } catch (Throwable t) {
      GenAiCall.logFailure(t);
      return null;
    }
  }

  // OpenAI already counts cached tokens in prompt_tokens and reasoning in completion_tokens,
  // which is what the semantic conventions want.
  static void usage(CompletionUsage usage, GenAiResponse response) {
    response.inputTokens(usage.promptTokens()).outputTokens(usage.completionTokens());
    if (usage.promptTokensDetails().isPresent()) {
      response.cacheReadInputTokens(usage.promptTokensDetails().get().cachedTokens().orElse(null));
    }
    if (usage.completionTokensDetails().isPresent()) {
      response.reasoningOutputTokens(
          usage.completionTokensDetails().get().reasoningTokens().orElse(null));
    }
  }

  static String errorType(Throwable error) {
    Integer status = null;
    if (error instanceof OpenAIServiceException) {
      status = ((OpenAIServiceException) error).statusCode();
    }
    return GenAiErrors.classify(error, status);
  }

  private OpenAiChatMapper() {}
}
