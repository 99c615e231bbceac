package dev.llmobs.instrumentation.openai.v2_0;

import com.openai.core.ClientOptions;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import dev.llmobs.genai.GenAiCall;
import dev.llmobs.genai.GenAiErrors;
import dev.llmobs.genai.GenAiInstrumenter;
import dev.llmobs.genai.GenAiProviderCalls;
import dev.llmobs.genai.GenAiRequest;
import dev.llmobs.genai.GenAiResponse;
import dev.llmobs.genai.GenAiStream;
import dev.llmobs.genai.GenAiStreamAccumulator;
import java.util.concurrent.CompletableFuture;

/**
 * openai-java's side of the shared service advice: picks the mapper by params type and wraps
 * streams. GenAiServiceCalls catches whatever this throws.
 */
public final class OpenAiCalls implements GenAiProviderCalls {

  @Override
  public GenAiCall start(Object params, Object clientOptions, String method) {
    boolean stream = "createStreaming".equals(method);
    int capture = GenAiInstrumenter.captureContentMaxLength();
    GenAiRequest request;
    if (params instanceof ChatCompletionCreateParams) {
      request = OpenAiChat.request((ChatCompletionCreateParams) params, stream, capture);
    } else if (params instanceof ResponseCreateParams) {
      request = OpenAiResponses.request((ResponseCreateParams) params, stream, capture);
    } else if (params instanceof EmbeddingCreateParams) {
      request = OpenAiEmbeddings.request((EmbeddingCreateParams) params);
    } else {
      return null;
    }
    if (clientOptions instanceof ClientOptions) {
      request.serverFromUrl(((ClientOptions) clientOptions).baseUrl());
    }
    return GenAiCall.start(request, OpenAiCalls::errorType);
  }

  /** Ends the call now (sync), on completion (async), or when its stream ends; returns result. */
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Object end(GenAiCall call, Object params, Object result, Throwable error) {
    if (error != null || result == null) {
      call.exit(null, error);
    } else if (result instanceof CompletableFuture) {
      call.endOnCompletion((CompletableFuture<Object>) result, OpenAiCalls::response);
    } else if (result instanceof StreamResponse) {
      call.closeScope();
      return new OpenAiStreamResponse(
          GenAiStream.of(call, accumulator(params)), (StreamResponse) result);
    } else if (result instanceof AsyncStreamResponse) {
      call.closeScope();
      return new OpenAiAsyncStreamResponse(
          GenAiStream.of(call, accumulator(params)), (AsyncStreamResponse) result);
    } else {
      call.exit(response(result), null);
    }
    return result;
  }

  static GenAiResponse response(Object result) {
    int capture = GenAiInstrumenter.captureContentMaxLength();
    if (result instanceof ChatCompletion) {
      return OpenAiChat.response((ChatCompletion) result, capture);
    }
    if (result instanceof Response) {
      return OpenAiResponses.response((Response) result, capture);
    }
    if (result instanceof CreateEmbeddingResponse) {
      return OpenAiEmbeddings.response((CreateEmbeddingResponse) result);
    }
    return null;
  }

  @SuppressWarnings("rawtypes")
  static GenAiStreamAccumulator accumulator(Object params) {
    int capture = GenAiInstrumenter.captureContentMaxLength();
    return params instanceof ResponseCreateParams
        ? new OpenAiResponsesStreamAccumulator(capture)
        : new OpenAiChatStreamAccumulator(capture);
  }

  static String errorType(Throwable error) {
    Integer status =
        error instanceof OpenAIServiceException
            ? ((OpenAIServiceException) error).statusCode()
            : null;
    return GenAiErrors.classify(error, status);
  }
}
