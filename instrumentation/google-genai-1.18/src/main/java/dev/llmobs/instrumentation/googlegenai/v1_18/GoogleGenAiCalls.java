package dev.llmobs.instrumentation.googlegenai.v1_18;

import com.google.genai.types.EmbedContentResponse;
import com.google.genai.types.GenerateContentResponse;
import dev.llmobs.genai.GenAiCall;
import dev.llmobs.genai.GenAiFailures;
import dev.llmobs.genai.GenAiInstrumenter;
import dev.llmobs.genai.GenAiRequest;
import dev.llmobs.genai.GenAiResponse;
import io.opentelemetry.context.Context;
import java.util.concurrent.CompletableFuture;

/**
 * What the advice of the models classes calls: start a call at method enter, end it (or hand it to
 * a future or a stream) at exit. Never throws; a failure of ours is recorded and the application's
 * result goes back as it was.
 */
public final class GoogleGenAiCalls {

  static final String MODULE = "google-genai";

  private static final String BLOCKING_MODELS = "com.google.genai.Models";
  private static final String PRIVATE_GENERATE = "privateGenerateContent";

  /**
   * Starts the call of {@code method} (generateContent, generateContentStream or embedContent), or
   * returns null inside another GenAI call: an outer overload, or a framework's call of its own.
   *
   * <p>A blocking generateContent that offers Java methods runs the SDK's automatic function
   * calling: a loop of model round trips ({@code privateGenerateContent}) and the methods the model
   * asked for. Then each round trip is a call of its own, not the loop, so that every request has
   * its span and usage and the methods' execute_tool spans lie between them.
   */
  public static GenAiCall start(
      Object models, Object apiClient, String method, String model, Object input, Object config) {
    if (GenAiCall.current(Context.current()) != null) {
      return null;
    }
    try {
      boolean blocking = models != null && BLOCKING_MODELS.equals(models.getClass().getName());
      if (PRIVATE_GENERATE.equals(method)
          ? !blocking
          : blocking
              && "generateContent".equals(method)
              && GoogleGenAiRequests.callsFunctionsItself(config)) {
        return null;
      }
      GenAiRequest request =
          "embedContent".equals(method)
              ? GoogleGenAiRequests.embeddings(apiClient, model, config)
              : GoogleGenAiRequests.chat(
                  apiClient,
                  model,
                  input,
                  config,
                  "generateContentStream".equals(method),
                  GenAiInstrumenter.captureContentMaxLength());
      return GenAiCall.start(MODULE, request);
    } catch (Throwable t) {
      GenAiFailures.record(MODULE, t);
      return null;
    }
  }

  /**
   * Ends the call with the blocking result, or follows what the caller got (a stream, a future);
   * returns what the caller must get: the result itself, or for a future the one completed in the
   * caller's context after the span ended.
   */
  @SuppressWarnings("unchecked")
  public static Object exit(GenAiCall call, Object result, Throwable error) {
    if (call == null) {
      return result;
    }
    if (error != null || result == null) {
      call.exit(null, error);
      return result;
    }
    boolean stream = Boolean.TRUE.equals(call.request().stream());
    if (result instanceof CompletableFuture) {
      CompletableFuture<Object> future = (CompletableFuture<Object>) result;
      if (!stream) {
        return call.endOnCompletion(future, GoogleGenAiCalls::response);
      }
      call.closeScope();
      return call.followOnCompletion(
          future,
          value -> {
            GoogleGenAiStreams.follow(call, value);
            return value;
          });
    }
    call.closeScope();
    if (stream) {
      GoogleGenAiStreams.follow(call, result);
    } else {
      call.endWith(GoogleGenAiCalls::response, result);
    }
    return result;
  }

  static GenAiResponse response(Object result) {
    if (result instanceof GenerateContentResponse) {
      return GoogleGenAiResponses.chat(
          (GenerateContentResponse) result, GenAiInstrumenter.captureContentMaxLength());
    }
    if (result instanceof EmbedContentResponse) {
      return GoogleGenAiResponses.embeddings((EmbedContentResponse) result);
    }
    return null;
  }

  private GoogleGenAiCalls() {}
}
