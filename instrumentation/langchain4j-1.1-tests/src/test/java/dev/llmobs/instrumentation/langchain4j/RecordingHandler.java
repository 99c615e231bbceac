package dev.llmobs.instrumentation.langchain4j;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.llmobs.instrumentation.langchain4j.scenarios.StreamRecorder;

/** An application's streaming handler, as LangChain4j's own docs write one: text, end, error. */
final class RecordingHandler implements StreamingChatResponseHandler {

  private final StreamRecorder recorder;
  volatile ChatResponse response;

  RecordingHandler(StreamRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public void onPartialResponse(String partialResponse) {
    recorder.onPiece(partialResponse);
  }

  @Override
  public void onCompleteResponse(ChatResponse completeResponse) {
    response = completeResponse;
    recorder.onComplete();
  }

  @Override
  public void onError(Throwable error) {
    recorder.onError(error);
  }
}
