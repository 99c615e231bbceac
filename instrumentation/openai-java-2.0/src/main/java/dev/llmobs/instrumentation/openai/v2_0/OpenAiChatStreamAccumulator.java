package dev.llmobs.instrumentation.openai.v2_0;

import com.openai.models.chat.completions.ChatCompletionChunk;
import dev.llmobs.genai.GenAiMessages;
import dev.llmobs.genai.GenAiResponse;
import dev.llmobs.genai.GenAiStreamAccumulator;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/** Rebuilds a chat completion's id, model, finish reasons and usage from its chunks. */
final class OpenAiChatStreamAccumulator implements GenAiStreamAccumulator<ChatCompletionChunk> {

  private final int capture;
  private final GenAiResponse response = new GenAiResponse();
  private final Map<Long, String> finishReasons = new TreeMap<>();
  private final Map<Long, StringBuilder> content = new TreeMap<>();

  OpenAiChatStreamAccumulator(int capture) {
    this.capture = capture;
  }

  @Override
  public boolean accept(ChatCompletionChunk chunk) {
    if (response.responseId() == null) {
      response.responseId(chunk.id()).responseModel(chunk.model());
    }
    if (chunk.usage().isPresent()) {
      OpenAiChat.usage(chunk.usage().get(), response);
    }
    boolean output = false;
    for (ChatCompletionChunk.Choice choice : chunk.choices()) {
      if (choice.finishReason().isPresent()) {
        finishReasons.put(choice.index(), choice.finishReason().get().asString());
      }
      ChatCompletionChunk.Choice.Delta delta = choice.delta();
      String text = delta.content().orElse("");
      output |=
          !text.isEmpty()
              || delta.refusal().map(r -> !r.isEmpty()).orElse(false)
              || delta.toolCalls().map(calls -> !calls.isEmpty()).orElse(false);
      if (capture > 0 && !text.isEmpty()) {
        StringBuilder captured = content.get(choice.index());
        if (captured == null) {
          captured = new StringBuilder();
          content.put(choice.index(), captured);
        }
        if (captured.length() <= capture) {
          captured.append(text);
        }
      }
    }
    // Role-only, finish-only and usage-only chunks carry no output.
    return output;
  }

  @Override
  public GenAiResponse response() {
    if (!finishReasons.isEmpty()) {
      response.finishReasons(new ArrayList<>(finishReasons.values()));
    }
    if (capture > 0 && !content.isEmpty()) {
      GenAiMessages output = new GenAiMessages();
      for (Map.Entry<Long, StringBuilder> choice : content.entrySet()) {
        output.add("assistant", choice.getValue().toString(), finishReasons.get(choice.getKey()));
      }
      response.outputMessages(output.toJson(capture));
    }
    return response;
  }
}
