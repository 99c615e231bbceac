package dev.llmobs.instrumentation.anthropic.v2_0;

import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import dev.llmobs.genai.GenAiRequest;
import dev.llmobs.genai.GenAiResponse;
import dev.llmobs.genai.GenAiStreamAccumulator;
import dev.llmobs.genai.stainless.StainlessSdk;
import java.lang.reflect.Method;

/** anthropic-java's mapping to the neutral view: messages. */
public final class AnthropicSdk implements StainlessSdk {

  /** The one instance the advice uses (upstream's Singletons holder). */
  public static final AnthropicSdk INSTANCE = new AnthropicSdk();

  @Override
  public String module() {
    return "anthropic-java";
  }

  @Override
  public GenAiRequest request(Object params, boolean streaming, int capture) {
    return params instanceof MessageCreateParams
        ? AnthropicMessages.request((MessageCreateParams) params, streaming, capture)
        : null;
  }

  @Override
  public GenAiResponse response(Object parsed, int capture) {
    return parsed instanceof Message ? AnthropicMessages.response((Message) parsed, capture) : null;
  }

  @Override
  public GenAiStreamAccumulator<?> accumulator(Object params, int capture) {
    return new AnthropicStreamAccumulator(capture);
  }

  static Method method(Class<?> type, String name) {
    try {
      return type.getMethod(name);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
