package dev.llmobs.instrumentation.openai.v2_0;

import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import dev.llmobs.genai.GenAiRequest;
import dev.llmobs.genai.GenAiResponse;
import dev.llmobs.genai.GenAiStreamAccumulator;
import dev.llmobs.genai.stainless.StainlessSdk;

/** openai-java's mapping to the neutral view, picked by params and result type. */
public final class OpenAiSdk implements StainlessSdk {

  /** The one instance the advice uses (upstream's Singletons holder). */
  public static final OpenAiSdk INSTANCE = new OpenAiSdk();

  @Override
  public String module() {
    return "openai-java";
  }

  @Override
  public GenAiRequest request(Object params, boolean streaming, int capture) {
    if (params instanceof ChatCompletionCreateParams) {
      return OpenAiChat.request((ChatCompletionCreateParams) params, streaming, capture);
    }
    if (params instanceof ResponseCreateParams) {
      return OpenAiResponses.request((ResponseCreateParams) params, streaming, capture);
    }
    if (params instanceof EmbeddingCreateParams) {
      return OpenAiEmbeddings.request((EmbeddingCreateParams) params);
    }
    return null;
  }

  @Override
  public GenAiResponse response(Object parsed, int capture) {
    if (parsed instanceof ChatCompletion) {
      return OpenAiChat.response((ChatCompletion) parsed, capture);
    }
    if (parsed instanceof Response) {
      return OpenAiResponses.response((Response) parsed, capture);
    }
    if (parsed instanceof CreateEmbeddingResponse) {
      return OpenAiEmbeddings.response((CreateEmbeddingResponse) parsed);
    }
    return null;
  }

  @Override
  public GenAiStreamAccumulator<?> accumulator(Object params, int capture) {
    return params instanceof ResponseCreateParams
        ? new OpenAiResponsesStreamAccumulator(capture)
        : new OpenAiChatStreamAccumulator(capture);
  }
}
