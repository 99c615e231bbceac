package dev.llmobs.instrumentation.openai.v2_0;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.CompletionUsage;
import dev.llmobs.genai.GenAiJsonContent;
import dev.llmobs.genai.GenAiMessages;
import dev.llmobs.genai.GenAiRequest;
import dev.llmobs.genai.GenAiResponse;
import dev.llmobs.genai.GenAiSemconv;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Chat completions: maps openai-java request and response types to the neutral view. */
final class OpenAiChat {

  static GenAiRequest request(ChatCompletionCreateParams params, boolean stream, int capture) {
    GenAiRequest request =
        new GenAiRequest(GenAiSemconv.OPERATION_CHAT, GenAiSemconv.PROVIDER_OPENAI)
            .requestModel(params.model().asString()).stream(stream)
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
    if (capture > 0) {
      JsonNode body = tree(params._body());
      request
          .inputMessages(GenAiJsonContent.inputMessages(body, capture))
          .toolDefinitions(GenAiJsonContent.toolDefinitions(body.get("tools"), capture));
    }
    return request;
  }

  static GenAiResponse response(ChatCompletion completion, int capture) {
    GenAiResponse response =
        new GenAiResponse().responseId(completion.id()).responseModel(completion.model());
    List<String> finishReasons = new ArrayList<>();
    GenAiMessages output = new GenAiMessages();
    for (ChatCompletion.Choice choice : completion.choices()) {
      String reason = choice.finishReason().asString();
      finishReasons.add(reason);
      if (capture > 0) {
        output.add("assistant", choice.message().content().orElse(null), reason);
        // Read from the wire form: the tool-call types differ between SDK versions.
        GenAiJsonContent.toolCalls(output, tree(choice.message()).get("tool_calls"));
      }
    }
    response.finishReasons(finishReasons);
    if (capture > 0) {
      response.outputMessages(output.toJson(capture));
    }
    if (completion.usage().isPresent()) {
      usage(completion.usage().get(), response);
    }
    return response;
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

  static JsonNode tree(Object sdkModel) {
    return GenAiJsonContent.tree(ObjectMappers.jsonMapper(), sdkModel);
  }

  private OpenAiChat() {}
}
