package dev.llmobs.instrumentation.springai.v1_1;

import dev.llmobs.genai.GenAiMessages;
import dev.llmobs.genai.GenAiResponse;
import dev.llmobs.genai.GenAiStreamAccumulator;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/**
 * What a streamed Spring AI call's {@link ChatResponse}s add up to. Spring AI reports usage on some
 * of them (most providers: the last, counted for the whole stream), so the largest usage seen is
 * kept; finish reasons and, with content capture, text are kept per generation position.
 */
final class SpringAiChatStreamAccumulator implements GenAiStreamAccumulator<ChatResponse> {

  private final String provider;
  private final int capture;
  private String id;
  private String model;
  private Usage usage;
  private long usageTotal = -1;
  private final List<String> finishReasons = new ArrayList<>();
  private final List<StringBuilder> texts = new ArrayList<>();
  // Per generation, the messages that carried tool calls (content capture only).
  private final List<List<AssistantMessage>> toolCalls = new ArrayList<>();

  SpringAiChatStreamAccumulator(String provider, int capture) {
    this.provider = provider;
    this.capture = capture;
  }

  @Override
  public boolean accept(ChatResponse chunk) {
    if (chunk == null) {
      return false;
    }
    ChatResponseMetadata metadata = chunk.getMetadata();
    if (metadata != null) {
      String chunkId = SpringAiChat.blankToNull(metadata.getId());
      if (chunkId != null) {
        id = chunkId;
      }
      String chunkModel = SpringAiChat.blankToNull(metadata.getModel());
      if (chunkModel != null) {
        model = chunkModel;
      }
      keepLargest(metadata.getUsage());
    }
    boolean output = false;
    List<Generation> generations = chunk.getResults();
    for (int i = 0; i < generations.size(); i++) {
      Generation generation = generations.get(i);
      while (finishReasons.size() <= i) {
        finishReasons.add(null);
        texts.add(new StringBuilder());
        toolCalls.add(new ArrayList<AssistantMessage>());
      }
      String reason = SpringAiChat.finishReason(generation);
      if (reason != null) {
        finishReasons.set(i, reason);
      }
      String text = SpringAiChat.text(generation);
      if (text != null && !text.isEmpty()) {
        output = true;
        if (capture > 0 && texts.get(i).length() < capture) {
          texts.get(i).append(text);
        }
      }
      AssistantMessage message = generation.getOutput();
      if (message != null && message.hasToolCalls()) {
        output = true;
        if (capture > 0) {
          toolCalls.get(i).add(message);
        }
      }
    }
    return output;
  }

  private void keepLargest(Usage candidate) {
    if (candidate == null || candidate instanceof EmptyUsage) {
      return;
    }
    long total = count(candidate.getPromptTokens()) + count(candidate.getCompletionTokens());
    if (total >= usageTotal) {
      usage = candidate;
      usageTotal = total;
    }
  }

  private static long count(Integer tokens) {
    return tokens == null ? 0 : tokens;
  }

  @Override
  public GenAiResponse response() {
    GenAiResponse response = new GenAiResponse().responseId(id).responseModel(model);
    SpringAiUsage.apply(usage, provider, response);
    List<String> reasons = new ArrayList<>();
    for (String reason : finishReasons) {
      if (reason != null) {
        reasons.add(reason);
      }
    }
    if (!reasons.isEmpty()) {
      response.finishReasons(reasons);
    }
    if (capture > 0 && !texts.isEmpty()) {
      GenAiMessages output = new GenAiMessages();
      for (int i = 0; i < texts.size(); i++) {
        output.add(
            "assistant",
            texts.get(i).length() == 0 ? null : texts.get(i).toString(),
            finishReasons.get(i));
        for (AssistantMessage message : toolCalls.get(i)) {
          SpringAiChat.toolCalls(output, message);
        }
      }
      response.outputMessages(output.toJson(capture));
    }
    return response;
  }
}
