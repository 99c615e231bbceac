package dev.llmobs.instrumentation.anthropic.v2_0;

import com.anthropic.core.ClientOptions;
import com.anthropic.core.http.AsyncStreamResponse;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.llmobs.genai.GenAiCall;
import dev.llmobs.genai.GenAiErrors;
import dev.llmobs.genai.GenAiInstrumenter;
import dev.llmobs.genai.GenAiProviderCalls;
import dev.llmobs.genai.GenAiRequest;
import dev.llmobs.genai.GenAiStream;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;

/** anthropic-java's side of the shared service advice; GenAiServiceCalls catches what it throws. */
public final class AnthropicCalls implements GenAiProviderCalls {

  // ClientOptions.baseUrl() appeared in 2.2.0; before it, server.* stay unknown.
  private static final Method BASE_URL = method(ClientOptions.class, "baseUrl");

  @Override
  public GenAiCall start(Object params, Object clientOptions, String method) {
    if (!(params instanceof MessageCreateParams)) {
      return null;
    }
    GenAiRequest request =
        AnthropicMessages.request(
            (MessageCreateParams) params,
            "createStreaming".equals(method),
            GenAiInstrumenter.captureContentMaxLength());
    if (BASE_URL != null && clientOptions != null) {
      request.serverFromUrl(baseUrl(clientOptions));
    }
    return GenAiCall.start(request, AnthropicCalls::errorType);
  }

  private static String baseUrl(Object clientOptions) {
    try {
      return (String) BASE_URL.invoke(clientOptions);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public Object end(GenAiCall call, Object params, Object result, Throwable error) {
    int capture = GenAiInstrumenter.captureContentMaxLength();
    if (error != null || result == null) {
      call.exit(null, error);
    } else if (result instanceof Message) {
      call.exit(AnthropicMessages.response((Message) result, capture), null);
    } else if (result instanceof CompletableFuture) {
      call.endOnCompletion(
          (CompletableFuture<Message>) result, m -> AnthropicMessages.response(m, capture));
    } else if (result instanceof StreamResponse) {
      call.closeScope();
      return new AnthropicStreamResponse(
          GenAiStream.of(call, new AnthropicStreamAccumulator(capture)),
          (StreamResponse<RawMessageStreamEvent>) result);
    } else if (result instanceof AsyncStreamResponse) {
      call.closeScope();
      return new AnthropicAsyncStreamResponse(
          GenAiStream.of(call, new AnthropicStreamAccumulator(capture)),
          (AsyncStreamResponse<RawMessageStreamEvent>) result);
    } else {
      call.exit(null, null);
    }
    return result;
  }

  static String errorType(Throwable error) {
    Integer status =
        error instanceof AnthropicServiceException
            ? ((AnthropicServiceException) error).statusCode()
            : null;
    return GenAiErrors.classify(error, status);
  }

  static Method method(Class<?> type, String name) {
    try {
      return type.getMethod(name);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
