package dev.llmobs.instrumentation.anthropic.v2_0;

import com.anthropic.core.JsonValue;
import com.anthropic.core.ObjectMappers;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Usage;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmobs.genai.GenAiJsonContent;
import dev.llmobs.genai.GenAiMessages;
import dev.llmobs.genai.GenAiRequest;
import dev.llmobs.genai.GenAiResponse;
import dev.llmobs.genai.GenAiSemconv;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/** Maps anthropic-java messages types to the neutral view. */
final class AnthropicMessages {

  // Sampling parameters have typed accessors in 2.x and are gone from 3.x, where a caller sets
  // them as additional body properties; both are read.
  private static final Method TEMPERATURE =
      AnthropicSdk.method(MessageCreateParams.class, "temperature");
  private static final Method TOP_P = AnthropicSdk.method(MessageCreateParams.class, "topP");
  private static final Method TOP_K = AnthropicSdk.method(MessageCreateParams.class, "topK");

  static GenAiRequest request(MessageCreateParams params, boolean stream, int capture) {
    Map<String, JsonValue> extra = params._additionalBodyProperties();
    GenAiRequest request =
        new GenAiRequest(GenAiSemconv.OPERATION_CHAT, GenAiSemconv.PROVIDER_ANTHROPIC)
            .requestModel(params.model().asString()).stream(stream)
                .maxTokens(params.maxTokens())
                .temperature(number(params, TEMPERATURE, extra, "temperature"))
                .topP(number(params, TOP_P, extra, "top_p"))
                .topK(number(params, TOP_K, extra, "top_k"))
                .stopSequences(params.stopSequences().orElse(null));
    if (capture > 0) {
      JsonNode body = tree(params._body());
      request
          .inputMessages(GenAiJsonContent.inputMessages(body, capture))
          .toolDefinitions(GenAiJsonContent.toolDefinitions(body.get("tools"), capture));
    }
    return request;
  }

  static GenAiResponse response(Message message, int capture) {
    GenAiResponse response =
        new GenAiResponse().responseId(message.id()).responseModel(message.model().asString());
    String stopReason =
        message.stopReason().isPresent() ? message.stopReason().get().asString() : null;
    if (stopReason != null) {
      response.finishReasons(Collections.singletonList(stopReason));
    }
    usage(message.usage(), response);
    if (capture > 0) {
      GenAiMessages output = new GenAiMessages().message("assistant", stopReason);
      GenAiJsonContent.outputParts(output, tree(message).path("content"));
      response.outputMessages(output.toJson(capture));
    }
    return response;
  }

  static void usage(Usage usage, GenAiResponse response) {
    response.usageWithCacheApart(
        usage.inputTokens(),
        usage.cacheReadInputTokens().orElse(null),
        usage.cacheCreationInputTokens().orElse(null),
        usage.outputTokens());
  }

  private static Double number(
      MessageCreateParams params, Method typed, Map<String, JsonValue> extra, String wireName) {
    try {
      if (typed != null) {
        Optional<?> value = (Optional<?>) typed.invoke(params);
        if (value.isPresent()) {
          return ((Number) value.get()).doubleValue();
        }
      }
      JsonValue value = extra.get(wireName);
      if (value != null) {
        JsonNode node = tree(value);
        return node.isNumber() ? node.asDouble() : null;
      }
    } catch (ReflectiveOperationException | RuntimeException ignored) {
      // an unreadable parameter is just not recorded
    }
    return null;
  }

  static JsonNode tree(Object sdkModel) {
    return GenAiJsonContent.tree(ObjectMappers.jsonMapper(), sdkModel);
  }

  private AnthropicMessages() {}
}
