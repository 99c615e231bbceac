package dev.llmobs.instrumentation.langchain4j.v1_1;

import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import dev.llmobs.genai.GenAiRequest;
import dev.llmobs.genai.GenAiResponse;
import dev.llmobs.genai.GenAiSemconv;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Embedding calls: {@code embed(String)}, {@code embed(TextSegment)}, {@code embedAll(List)} and,
 * from LangChain4j 1.19 on, {@code embed(EmbeddingRequest)} with per-call parameters and an {@code
 * EmbeddingResponse} (both read by accessor name: they are newer than this module's floor).
 */
final class LangChain4jEmbeddings {

  private static final ClassValue<Method> PARAMETERS = LangChain4jModels.method("parameters");
  private static final ClassValue<Method> MODEL_NAME = LangChain4jModels.method("modelName");
  private static final ClassValue<Method> DIMENSIONS = LangChain4jModels.method("dimensions");
  private static final ClassValue<Method> TOKEN_USAGE = LangChain4jModels.method("tokenUsage");
  private static final ClassValue<Field> DIMENSIONS_FIELD = LangChain4jModels.field("dimensions");

  /**
   * @param input the method's argument: a String, a TextSegment, a List of them or, since 1.19, an
   *     EmbeddingRequest
   */
  static GenAiRequest request(Object model, Object input) {
    Object parameters = input instanceof CharSequence ? null : call(input, PARAMETERS);
    Object modelName = call(parameters, MODEL_NAME);
    Object dimensions = call(parameters, DIMENSIONS);
    if (dimensions == null) {
      dimensions = LangChain4jModels.read(model, DIMENSIONS_FIELD);
    }
    return new GenAiRequest(GenAiSemconv.OPERATION_EMBEDDINGS, LangChain4jProviders.of(model))
        .requestModel(
            modelName instanceof String ? (String) modelName : LangChain4jModels.modelName(model))
        .dimensionCount(dimensions instanceof Number ? ((Number) dimensions).longValue() : null)
        .serverFromUrl(LangChain4jModels.baseUrl(model));
  }

  /**
   * @param result what the method returned: a {@code Response} of one or a list of embeddings or,
   *     since 1.19, an {@code EmbeddingResponse}
   */
  static GenAiResponse response(Object result) {
    GenAiResponse response = new GenAiResponse();
    Object usage;
    if (result instanceof Response) {
      usage = ((Response<?>) result).tokenUsage();
    } else {
      usage = call(result, TOKEN_USAGE);
      Object modelName = call(result, MODEL_NAME);
      if (modelName instanceof String) {
        response.responseModel((String) modelName);
      }
    }
    if (usage instanceof TokenUsage) {
      // An embedding has input tokens only; some providers report a total beside them.
      response.inputTokens(LangChain4jUsage.toLong(((TokenUsage) usage).inputTokenCount()));
    }
    return response;
  }

  private static Object call(Object target, ClassValue<Method> method) {
    return LangChain4jModels.call(target, method);
  }

  private LangChain4jEmbeddings() {}
}
