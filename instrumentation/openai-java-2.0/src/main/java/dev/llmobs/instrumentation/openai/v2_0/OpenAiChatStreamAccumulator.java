package dev.llmobs.instrumentation.openai.v2_0;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.models.chat.completions.ChatCompletionChunk;
import dev.llmobs.genai.GenAiMessages;
import dev.llmobs.genai.GenAiResponse;
import dev.llmobs.genai.GenAiStreamAccumulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Rebuilds a chat completion's id, model, finish reasons and usage from its chunks, and with
 * content capture its text and tool calls (arguments assembled from their pieces).
 */
final class OpenAiChatStreamAccumulator implements GenAiStreamAccumulator<ChatCompletionChunk> {

  private final int capture;
  private final GenAiResponse response = new GenAiResponse();
  private final Map<Long, String> finishReasons = new TreeMap<>();
  private final Map<Long, StringBuilder> content = new TreeMap<>();
  // By choice, then by tool-call index: {id, name, arguments so far}.
  private final Map<Long, Map<Long, String[]>> toolCalls = new TreeMap<>();

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
      if (capture > 0 && delta.toolCalls().isPresent()) {
        toolCalls(choice.index(), delta.toolCalls().get());
      }
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

  // A call's id and name come with its first delta, its arguments in pieces (by the call's index).
  private void toolCalls(long choice, List<ChatCompletionChunk.Choice.Delta.ToolCall> deltas) {
    Map<Long, String[]> calls = toolCalls.get(choice);
    if (calls == null) {
      calls = new TreeMap<>();
      toolCalls.put(choice, calls);
    }
    for (ChatCompletionChunk.Choice.Delta.ToolCall delta : deltas) {
      JsonNode json = OpenAiChat.tree(delta);
      long index = json.path("index").asLong();
      String[] call = calls.get(index);
      if (call == null) {
        call = new String[] {null, null, ""};
        calls.put(index, call);
      }
      JsonNode function = json.path("function");
      call[0] = call[0] != null ? call[0] : text(json.get("id"));
      call[1] = call[1] != null ? call[1] : text(function.get("name"));
      String arguments = text(function.get("arguments"));
      if (arguments != null && call[2].length() <= capture) {
        call[2] += arguments;
      }
    }
  }

  private static String text(JsonNode node) {
    return node == null || !node.isTextual() ? null : node.asText();
  }

  @Override
  public GenAiResponse response() {
    if (!finishReasons.isEmpty()) {
      response.finishReasons(new ArrayList<>(finishReasons.values()));
    }
    if (capture > 0 && !(content.isEmpty() && toolCalls.isEmpty())) {
      Set<Long> choices = new TreeSet<>(content.keySet());
      choices.addAll(toolCalls.keySet());
      GenAiMessages output = new GenAiMessages();
      for (Long choice : choices) {
        StringBuilder text = content.get(choice);
        output.add("assistant", text == null ? null : text.toString(), finishReasons.get(choice));
        Map<Long, String[]> calls = toolCalls.get(choice);
        if (calls != null) {
          for (String[] call : calls.values()) {
            output.toolCall(call[0], call[1], call[2].isEmpty() ? null : call[2]);
          }
        }
      }
      response.outputMessages(output.toJson(capture));
    }
    return response;
  }
}
