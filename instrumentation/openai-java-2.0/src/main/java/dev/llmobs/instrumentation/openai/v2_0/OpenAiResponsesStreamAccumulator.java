package dev.llmobs.instrumentation.openai.v2_0;

import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseStreamEvent;
import dev.llmobs.genai.GenAiJsonContent;
import dev.llmobs.genai.GenAiMessages;
import dev.llmobs.genai.GenAiResponse;
import dev.llmobs.genai.GenAiStreamAccumulator;
import java.util.Optional;

/**
 * Follows a Responses API event stream: text and function-call argument deltas are the output
 * chunks; the final completed/incomplete/failed event carries the whole response with usage and its
 * function calls.
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
    if (event.isFunctionCallArgumentsDelta()) {
      // A function call's arguments arriving: output, like text (the call is read at the end).
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
    if (capture > 0) {
      String reason = last == null ? null : OpenAiResponses.finishReason(last);
      GenAiMessages output = new GenAiMessages().message("assistant", reason);
      if (text.length() > 0) {
        output.text(text.toString());
      }
      // Function calls come whole with the final response event.
      if (last != null) {
        GenAiJsonContent.outputToolCalls(output, OpenAiChat.tree(last).path("output"));
      }
      if (text.length() > 0 || reason != null) {
        response.outputMessages(output.toJson(capture));
      }
    }
    return response;
  }
}
