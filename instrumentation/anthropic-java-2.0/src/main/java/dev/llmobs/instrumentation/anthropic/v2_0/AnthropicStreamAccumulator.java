package dev.llmobs.instrumentation.anthropic.v2_0;

import com.anthropic.models.messages.MessageDeltaUsage;
import com.anthropic.models.messages.RawContentBlockDelta;
import com.anthropic.models.messages.RawContentBlockStartEvent;
import com.anthropic.models.messages.RawMessageDeltaEvent;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.ToolUseBlock;
import dev.llmobs.genai.GenAiMessages;
import dev.llmobs.genai.GenAiResponse;
import dev.llmobs.genai.GenAiStreamAccumulator;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Follows a messages event stream: message_start has id, model and input usage; content block
 * deltas are the output chunks (text, or a tool_use block's input JSON in pieces, whose id and name
 * come with its content_block_start); message_delta has the stop reason and the final (cumulative)
 * usage.
 */
final class AnthropicStreamAccumulator implements GenAiStreamAccumulator<RawMessageStreamEvent> {

  private final int capture;
  private final GenAiResponse response = new GenAiResponse();
  private final StringBuilder text = new StringBuilder();
  // By content block index: {id, name, input JSON so far} of each tool_use block.
  private final Map<Long, String[]> toolUses = new TreeMap<>();
  private String stopReason;
  private long input;
  private Long cacheRead;
  private Long cacheCreation;
  private Long output;

  AnthropicStreamAccumulator(int capture) {
    this.capture = capture;
  }

  @Override
  public boolean accept(RawMessageStreamEvent event) {
    if (event.isContentBlockDelta()) {
      RawContentBlockDelta delta = event.asContentBlockDelta().delta();
      if (capture > 0 && delta.isText() && text.length() <= capture) {
        text.append(delta.asText().text());
      } else if (capture > 0 && delta.isInputJson()) {
        String[] call = toolUses.get(event.asContentBlockDelta().index());
        if (call != null && call[2].length() <= capture) {
          call[2] += delta.asInputJson().partialJson();
        }
      }
      return true;
    }
    if (capture > 0 && event.isContentBlockStart()) {
      RawContentBlockStartEvent start = event.asContentBlockStart();
      if (start.contentBlock().isToolUse()) {
        ToolUseBlock toolUse = start.contentBlock().asToolUse();
        toolUses.put(start.index(), new String[] {toolUse.id(), toolUse.name(), ""});
      }
      return false;
    }
    if (event.isMessageStart()) {
      com.anthropic.models.messages.Message message = event.asMessageStart().message();
      response.responseId(message.id()).responseModel(message.model().asString());
      input = message.usage().inputTokens();
      cacheRead = message.usage().cacheReadInputTokens().orElse(null);
      cacheCreation = message.usage().cacheCreationInputTokens().orElse(null);
      output = message.usage().outputTokens();
    } else if (event.isMessageDelta()) {
      RawMessageDeltaEvent delta = event.asMessageDelta();
      if (delta.delta().stopReason().isPresent()) {
        stopReason = delta.delta().stopReason().get().asString();
      }
      MessageDeltaUsage usage = delta.usage();
      output = usage.outputTokens();
      if (usage.inputTokens().isPresent()) {
        input = usage.inputTokens().get();
      }
      cacheRead = usage.cacheReadInputTokens().orElse(cacheRead);
      cacheCreation = usage.cacheCreationInputTokens().orElse(cacheCreation);
    }
    return false;
  }

  @Override
  public GenAiResponse response() {
    if (output != null) {
      response.usageWithCacheApart(input, cacheRead, cacheCreation, output);
    }
    if (stopReason != null) {
      response.finishReasons(Collections.singletonList(stopReason));
    }
    if (capture > 0 && (text.length() > 0 || !toolUses.isEmpty())) {
      GenAiMessages output =
          new GenAiMessages()
              .add("assistant", text.length() > 0 ? text.toString() : null, stopReason);
      for (String[] call : toolUses.values()) {
        // An empty input streams no piece: the tool takes no arguments.
        output.toolCall(call[0], call[1], call[2].isEmpty() ? "{}" : call[2]);
      }
      response.outputMessages(output.toJson(capture));
    }
    return response;
  }
}
