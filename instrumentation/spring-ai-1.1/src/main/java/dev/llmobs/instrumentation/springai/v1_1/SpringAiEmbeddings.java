package dev.llmobs.instrumentation.springai.v1_1;

import dev.llmobs.genai.GenAiCall;
import dev.llmobs.genai.GenAiFailures;
import dev.llmobs.genai.GenAiRequest;
import dev.llmobs.genai.GenAiResponse;
import dev.llmobs.genai.GenAiSemconv;
import io.opentelemetry.context.Context;
import java.util.function.Function;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.EmbeddingResponseMetadata;

/**
 * Spring AI's {@code EmbeddingModel.call(EmbeddingRequest)}, of any implementation; every {@code
 * embed(...)} overload goes through it (a batched {@code embed(List<Document>, ...)} once per
 * batch, each a request of its own).
 */
public final class SpringAiEmbeddings {

  // Where Spring AI's embedding models keep the options they merge each request's into: the
  // interface has no accessor for them (1.1: defaultOptions, 2.0: options).
  private static final String[] DEFAULT_OPTIONS_FIELDS = {"defaultOptions", "options"};

  /** Method enter of {@code call(EmbeddingRequest)}: the started call, or null. */
  public static GenAiCall start(Object model, Object request) {
    try {
      if (GenAiCall.current(Context.current()) != null) {
        return null;
      }
      return GenAiCall.start(SpringAiChat.MODULE, request(model, (EmbeddingRequest) request));
    } catch (Throwable t) {
      GenAiFailures.record(SpringAiChat.MODULE, t);
      return null;
    }
  }

  /** Method exit of {@code call(EmbeddingRequest)}. */
  public static void end(GenAiCall call, Object result, Throwable error) {
    if (call == null) {
      return;
    }
    call.closeScope();
    if (error != null) {
      call.end(SpringAiErrors.response(error), error);
    } else {
      call.endWith((Function<Object, GenAiResponse>) r -> response((EmbeddingResponse) r), result);
    }
  }

  static GenAiRequest request(Object model, EmbeddingRequest embeddingRequest) {
    EmbeddingOptions runtime = embeddingRequest == null ? null : embeddingRequest.getOptions();
    EmbeddingOptions defaults = defaults(model);
    String requestModel = runtime == null ? null : runtime.getModel();
    if (requestModel == null && defaults != null) {
      requestModel = defaults.getModel();
    }
    Integer dimensions = runtime == null ? null : runtime.getDimensions();
    if (dimensions == null && defaults != null) {
      dimensions = defaults.getDimensions();
    }
    return new GenAiRequest(
            GenAiSemconv.OPERATION_EMBEDDINGS, SpringAiProviders.of(model.getClass()))
        .requestModel(requestModel)
        .dimensionCount(dimensions == null ? null : dimensions.longValue());
  }

  static GenAiResponse response(EmbeddingResponse result) {
    GenAiResponse response = new GenAiResponse();
    EmbeddingResponseMetadata metadata = result == null ? null : result.getMetadata();
    if (metadata == null) {
      return response;
    }
    response.responseModel(SpringAiChat.blankToNull(metadata.getModel()));
    Usage usage = metadata.getUsage();
    if (usage != null && !(usage instanceof EmptyUsage) && usage.getPromptTokens() != null) {
      response.inputTokens(usage.getPromptTokens().longValue());
    }
    return response;
  }

  private static EmbeddingOptions defaults(Object model) {
    for (String field : DEFAULT_OPTIONS_FIELDS) {
      EmbeddingOptions options = SpringAiReflection.field(model, field, EmbeddingOptions.class);
      if (options != null) {
        return options;
      }
    }
    return null;
  }

  private SpringAiEmbeddings() {}
}
