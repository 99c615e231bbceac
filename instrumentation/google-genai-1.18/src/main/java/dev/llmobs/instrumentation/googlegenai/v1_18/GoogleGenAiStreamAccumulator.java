package dev.llmobs.instrumentation.googlegenai.v1_18;

import com.google.genai.types.Candidate;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateContentResponseUsageMetadata;
import dev.llmobs.genai.GenAiMessages;
import dev.llmobs.genai.GenAiResponse;
import dev.llmobs.genai.GenAiSemconv;
import dev.llmobs.genai.GenAiStreamAccumulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Follows a streamed generateContent: every chunk is a whole {@code GenerateContentResponse} with
 * the same id; the usage metadata of the latest chunk that has one is the call's (Gemini reports
 * running totals, and a 2.x stream resumed after a continuation sums its hops); a candidate's
 * finish reason comes with its last chunk.
 */
final class GoogleGenAiStreamAccumulator
    implements GenAiStreamAccumulator<GenerateContentResponse> {

  private final int capture;
  private String responseId;
  private String modelVersion;
  private GenerateContentResponseUsageMetadata usage;
  private boolean promptBlocked;
  private final Map<Integer, CandidateState> candidates = new TreeMap<>();

  GoogleGenAiStreamAccumulator(int capture) {
    this.capture = capture;
  }

  @Override
  public boolean accept(GenerateContentResponse chunk) {
    responseId = chunk.responseId().orElse(responseId);
    modelVersion = chunk.modelVersion().orElse(modelVersion);
    usage = chunk.usageMetadata().orElse(usage);
    promptBlocked |= GoogleGenAiResponses.promptBlocked(chunk);
    boolean output = false;
    List<Candidate> list = GoogleGenAiResponses.candidates(chunk);
    for (int i = 0; i < list.size(); i++) {
      Candidate candidate = list.get(i);
      CandidateState state =
          candidates.computeIfAbsent(candidate.index().orElse(i), k -> new CandidateState());
      output |= state.accept(candidate, capture);
    }
    return output;
  }

  @Override
  public GenAiResponse response() {
    GenAiResponse response = new GenAiResponse().responseId(responseId).responseModel(modelVersion);
    List<String> reasons = new ArrayList<>();
    GenAiMessages messages = new GenAiMessages();
    for (CandidateState state : candidates.values()) {
      String reason = state.finishReason();
      if (reason != null) {
        reasons.add(reason);
      }
      messages.add("assistant", state.text.length() == 0 ? null : state.text.toString(), reason);
    }
    if (reasons.isEmpty() && promptBlocked) {
      reasons.add(GenAiSemconv.FINISH_CONTENT_FILTER);
    }
    if (!reasons.isEmpty()) {
      response.finishReasons(reasons);
    }
    if (usage != null) {
      GoogleGenAiResponses.usage(usage, response);
    }
    if (capture > 0 && !messages.isEmpty()) {
      response.outputMessages(messages.toJson(capture));
    }
    return response;
  }

  /** What the chunks of one candidate said so far. */
  static final class CandidateState {
    final StringBuilder text = new StringBuilder();
    String sdkReason;
    boolean callsFunction;

    /** Returns whether the chunk carried output for this candidate. */
    boolean accept(Candidate candidate, int capture) {
      if (candidate.finishReason().isPresent()) {
        sdkReason = candidate.finishReason().get().toString();
      }
      callsFunction |= GoogleGenAiResponses.callsFunction(candidate);
      if (!candidate.content().isPresent()) {
        return false;
      }
      if (capture > 0 && text.length() <= capture) {
        String part = GoogleGenAiRequests.text(candidate.content().get());
        if (part != null) {
          text.append(part);
        }
      }
      return candidate.content().get().parts().map(parts -> !parts.isEmpty()).orElse(false);
    }

    String finishReason() {
      return sdkReason == null ? null : GoogleGenAiResponses.finishReason(sdkReason, callsFunction);
    }
  }
}
