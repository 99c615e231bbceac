package dev.llmobs.instrumentation.langchain4j.v1_1;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.llmobs.genai.GenAiResponse;
import dev.llmobs.genai.GenAiStreamAccumulator;

/**
 * A streamed chat call's events as {@link TracingStreamingHandler} hands them on: a partial output
 * (text, thinking or a tool call's pieces) counts as a chunk; the complete {@code ChatResponse},
 * which LangChain4j assembles itself, carries everything the span needs.
 */
final class LangChain4jStreamAccumulator implements GenAiStreamAccumulator<Object> {

  private final int capture;
  private ChatResponse complete;

  LangChain4jStreamAccumulator(int capture) {
    this.capture = capture;
  }

  @Override
  public boolean accept(Object event) {
    if (event instanceof ChatResponse) {
      complete = (ChatResponse) event;
      return false;
    }
    return true;
  }

  @Override
  public GenAiResponse response() {
    return complete == null ? null : LangChain4jChat.response(complete, capture);
  }
}
