package dev.llmobs.instrumentation.openai.v2_0;

import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseStreamEvent;
import dev.llmobs.genai.GenAiMessages;
import dev.llmobs.genai.GenAiResponse;
import dev.llmobs.genai.GenAiStreamAccumulator;
import java.util.Optional;

/**
 * Follows a Responses API event stream: text deltas are the output chunks; the final
 * completed/incomplete/failed event carries the whole response with usage.
 */
final class OpenAiResponsesStreamAccumulator
    implements GenAiStreamAccumulator<ResponseStreamEvent> {

  private final int capture;
  private Response last;
  private String errorCode;
  private final StringBuilder text = new StringBuilder();

  OpenAiResponsesStreamAccumulator(int capture) {
    this.capture = capture;
  }

  @Override
  public boolean accept(ResponseStreamEvent event) {
    if (event.isOutputTextDelta()) {
      if (capture > 0 && text.length() <= capture) {
        text.append(event.asOutputTextDelta().delta());
      }
      return true;
    }
    if (event.isCreated()) {
      last = event.asCreated().response();
    } else if (event.isCompleted()) {
      last = event.asCompleted().response();
    } else if (event.isIncomplete()) {
      last = event.asIncomplete().response();
    } else if (event.isFailed()) {
      last = event.asFailed().response();
    } else if (event.isError()) {
      Optional<String> code = event.asError().code();
      errorCode = code.orElse("error");
    }
    return false;
  }

  @Override
  public GenAiResponse response() {
    // Content comes from the deltas: the final event's copy is captured only when it is there.
    GenAiResponse response = last == null ? new GenAiResponse() : OpenAiResponses.response(last, 0);
    if (errorCode != null && response.errorType() == null) {
      response.errorType(errorCode);
    }
    if (capture > 0 && text.length() > 0) {
      String reason = last == null ? null : OpenAiResponses.finishReason(last);
      response.outputMessages(
          new GenAiMessages().add("assistant", text.toString(), reason).toJson(capture));
    }
    return response;
  }
}
