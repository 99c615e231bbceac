package dev.llmobs.instrumentation.googlegenai.v1_18;

import com.google.genai.types.Candidate;
import com.google.genai.types.ContentEmbedding;
import com.google.genai.types.ContentEmbeddingStatistics;
import com.google.genai.types.EmbedContentResponse;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateContentResponseUsageMetadata;
import com.google.genai.types.Part;
import dev.llmobs.genai.GenAiMessages;
import dev.llmobs.genai.GenAiResponse;
import dev.llmobs.genai.GenAiSemconv;
import dev.llmobs.genai.GenAiStrings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Maps google-genai responses to the neutral view: ids, finish reasons, usage. */
final class GoogleGenAiResponses {

  /**
   * Gemini's finish reasons in the semantic conventions' vocabulary. A reason not listed (a newer
   * one) is recorded in lower case as the SDK names it.
   */
  static final Map<String, String> FINISH_REASONS = new HashMap<>();

  static {
    FINISH_REASONS.put("STOP", GenAiSemconv.FINISH_STOP);
    FINISH_REASONS.put("MAX_TOKENS", GenAiSemconv.FINISH_LENGTH);
    for (String filtered :
        new String[] {
          "SAFETY",
          "RECITATION",
          "BLOCKLIST",
          "PROHIBITED_CONTENT",
          "SPII",
          "IMAGE_SAFETY",
          "IMAGE_PROHIBITED_CONTENT",
          "IMAGE_RECITATION"
        }) {
      FINISH_REASONS.put(filtered, GenAiSemconv.FINISH_CONTENT_FILTER);
    }
    for (String failed :
        new String[] {
          "FINISH_REASON_UNSPECIFIED",
          "OTHER",
          "LANGUAGE",
          "MALFORMED_FUNCTION_CALL",
          "UNEXPECTED_TOOL_CALL",
          "TOO_MANY_TOOL_CALLS",
          "MALFORMED_RESPONSE",
          "NO_IMAGE",
          "IMAGE_OTHER"
        }) {
      FINISH_REASONS.put(failed, GenAiSemconv.FINISH_ERROR);
    }
  }

  static GenAiResponse chat(GenerateContentResponse sdk, int capture) {
    GenAiResponse response =
        new GenAiResponse()
            .responseId(sdk.responseId().orElse(null))
            .responseModel(sdk.modelVersion().orElse(null));
    List<String> reasons = new ArrayList<>();
    for (Candidate candidate : candidates(sdk)) {
      String reason = finishReason(candidate);
      if (reason != null) {
        reasons.add(reason);
      }
    }
    if (reasons.isEmpty() && promptBlocked(sdk)) {
      reasons.add(GenAiSemconv.FINISH_CONTENT_FILTER);
    }
    if (!reasons.isEmpty()) {
      response.finishReasons(reasons);
    }
    if (sdk.usageMetadata().isPresent()) {
      usage(sdk.usageMetadata().get(), response);
    }
    if (capture > 0) {
      response.outputMessages(outputMessages(candidates(sdk), capture));
    }
    return response;
  }

  /**
   * Gemini counts the prompt (cached content included) and the tool-use prompt apart from the
   * candidates and the thoughts, all of which it bills: input is prompt + tool-use prompt, output
   * is candidates + thoughts, and the thoughts are the reasoning part of the output.
   */
  static void usage(GenerateContentResponseUsageMetadata usage, GenAiResponse response) {
    Integer prompt = usage.promptTokenCount().orElse(null);
    Integer toolPrompt = usage.toolUsePromptTokenCount().orElse(null);
    Integer candidates = usage.candidatesTokenCount().orElse(null);
    Integer thoughts = usage.thoughtsTokenCount().orElse(null);
    if (prompt != null || toolPrompt != null) {
      response.inputTokens(sum(prompt, toolPrompt));
    }
    if (candidates != null || thoughts != null) {
      response.outputTokens(sum(candidates, thoughts));
    }
    if (usage.cachedContentTokenCount().isPresent()) {
      response.cacheReadInputTokens(Long.valueOf(usage.cachedContentTokenCount().get()));
    }
    if (thoughts != null) {
      response.reasoningOutputTokens(Long.valueOf(thoughts));
    }
  }

  /**
   * Vertex AI reports the tokens of each embedded input; the Gemini Developer API reports none, and
   * then the span has no usage.
   */
  static GenAiResponse embeddings(EmbedContentResponse sdk) {
    GenAiResponse response = new GenAiResponse();
    long tokens = 0;
    boolean counted = false;
    for (ContentEmbedding embedding :
        sdk.embeddings().orElse(Collections.<ContentEmbedding>emptyList())) {
      if (embedding.statistics().isPresent()) {
        ContentEmbeddingStatistics statistics = embedding.statistics().get();
        if (statistics.tokenCount().isPresent()) {
          tokens += Math.round(statistics.tokenCount().get());
          counted = true;
        }
      }
    }
    return counted ? response.inputTokens(tokens) : response;
  }

  /** The semantic-convention finish reason of a candidate, or null when it has none (yet). */
  static String finishReason(Candidate candidate) {
    return candidate.finishReason().isPresent()
        ? finishReason(candidate.finishReason().get().toString(), callsFunction(candidate))
        : null;
  }

  /**
   * {@code sdkReason} in the semantic conventions' vocabulary; Gemini stops with {@code STOP} also
   * when it asks for a function call ({@code callsFunction}), which is {@code tool_call}.
   */
  static String finishReason(String sdkReason, boolean callsFunction) {
    String mapped = FINISH_REASONS.get(sdkReason);
    if (GenAiSemconv.FINISH_STOP.equals(mapped) && callsFunction) {
      return GenAiSemconv.FINISH_TOOL_CALL;
    }
    return mapped != null ? mapped : GenAiStrings.cap(sdkReason.toLowerCase(Locale.ROOT));
  }

  static boolean promptBlocked(GenerateContentResponse sdk) {
    return sdk.promptFeedback().isPresent() && sdk.promptFeedback().get().blockReason().isPresent();
  }

  static List<Candidate> candidates(GenerateContentResponse sdk) {
    return sdk.candidates().orElse(Collections.<Candidate>emptyList());
  }

  static boolean callsFunction(Candidate candidate) {
    if (!candidate.content().isPresent()) {
      return false;
    }
    for (Part part : candidate.content().get().parts().orElse(Collections.<Part>emptyList())) {
      if (part.functionCall().isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** The assistant message of each candidate: its text and the function calls it asks for. */
  static String outputMessages(List<Candidate> candidates, int capture) {
    GenAiMessages messages = new GenAiMessages();
    for (Candidate candidate : candidates) {
      String text =
          candidate.content().isPresent()
              ? GoogleGenAiRequests.text(candidate.content().get())
              : null;
      messages.add("assistant", text, finishReason(candidate));
      if (candidate.content().isPresent()) {
        GoogleGenAiRequests.functionParts(messages, candidate.content().get());
      }
    }
    return messages.isEmpty() ? null : messages.toJson(capture);
  }

  private static long sum(Integer a, Integer b) {
    return (a == null ? 0L : a) + (b == null ? 0L : b);
  }

  private GoogleGenAiResponses() {}
}
