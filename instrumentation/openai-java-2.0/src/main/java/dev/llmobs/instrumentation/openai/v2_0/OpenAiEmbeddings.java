package dev.llmobs.instrumentation.openai.v2_0;

import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.llmobs.genai.GenAiRequest;
import dev.llmobs.genai.GenAiResponse;
import dev.llmobs.genai.GenAiSemconv;
import java.util.Collections;

/** Embeddings: input tokens only; the input texts are never captured. */
final class OpenAiEmbeddings {

  static GenAiRequest request(EmbeddingCreateParams params) {
    return new GenAiRequest(GenAiSemconv.OPERATION_EMBEDDINGS, GenAiSemconv.PROVIDER_OPENAI)
        .requestModel(params.model().asString())
        .dimensionCount(params.dimensions().orElse(null))
        .encodingFormats(
            params.encodingFormat().isPresent()
                ? Collections.singletonList(params.encodingFormat().get().asString())
                : null);
  }

  static GenAiResponse response(CreateEmbeddingResponse result) {
    return new GenAiResponse()
        .responseModel(result.model())
        .inputTokens(result.usage().promptTokens());
  }

  private OpenAiEmbeddings() {}
}
