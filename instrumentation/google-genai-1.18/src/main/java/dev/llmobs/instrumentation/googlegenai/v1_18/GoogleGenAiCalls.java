package dev.llmobs.instrumentation.googlegenai.v1_18;

import com.google.genai.types.EmbedContentResponse;
import com.google.genai.types.GenerateContentResponse;
import dev.llmobs.genai.GenAiCall;
import dev.llmobs.genai.GenAiFailures;
import dev.llmobs.genai.GenAiInstrumenter;
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

  /** Starts a chat call, or returns null inside another GenAI call (an outer overload, say). */
  public static GenAiCall startChat(
      Object apiClient, String model, Object contents, Object config, boolean stream) {
    if (GenAiCall.current(Context.current()) != null) {
      return null;
    }
    try {
      return GenAiCall.start(
          MODULE,
          GoogleGenAiRequests.chat(
              apiClient,
              model,
              contents,
              config,
              stream,
              GenAiInstrumenter.captureContentMaxLength()));
    } catch (Throwable t) {
      GenAiFailures.record(MODULE, t);
      return null;
    }
  }

  /** Starts an embeddings call, or returns null inside another GenAI call. */
  public static GenAiCall startEmbeddings(Object apiClient, String model, Object config) {
    if (GenAiCall.current(Context.current()) != null) {
      return null;
    }
    try {
      return GenAiCall.start(MODULE, GoogleGenAiRequests.embeddings(apiClient, model, config));
    } catch (Throwable t) {
      GenAiFailures.record(MODULE, t);
      return null;
    }
  }

  /** The exit of a blocking generateContent or embedContent. */
  public static void exit(GenAiCall call, Object result, Throwable error) {
    if (call == null) {
      return;
    }
    if (error != null) {
      call.exit(null, error);
      return;
    }
    call.closeScope();
    call.endWith(GoogleGenAiCalls::response, result);
  }

  /** The exit of a blocking generateContentStream: the span follows the returned stream. */
  public static void exitStream(GenAiCall call, Object stream, Throwable error) {
    if (call == null) {
      return;
    }
    if (error != null || stream == null) {
      call.exit(null, error);
      return;
    }
    call.closeScope();
    GoogleGenAiStreams.follow(call, stream);
  }

  /** The exit of an async generateContent or embedContent: returns the future the caller gets. */
  @SuppressWarnings("unchecked")
  public static Object exitAsync(GenAiCall call, Object future, Throwable error) {
    if (call == null) {
      return future;
    }
    if (error != null || !(future instanceof CompletableFuture)) {
      call.exit(null, error);
      return future;
    }
    return call.endOnCompletion((CompletableFuture<Object>) future, GoogleGenAiCalls::response);
  }

  /**
   * The exit of an async generateContentStream: the caller's future brings the same stream, which
   * the span then follows.
   */
  @SuppressWarnings("unchecked")
  public static Object exitAsyncStream(GenAiCall call, Object future, Throwable error) {
    if (call == null) {
      return future;
    }
    if (error != null || !(future instanceof CompletableFuture)) {
      call.exit(null, error);
      return future;
    }
    call.closeScope();
    return call.followOnCompletion(
        (CompletableFuture<Object>) future,
        stream -> {
          GoogleGenAiStreams.follow(call, stream);
          return stream;
        });
  }

  static GenAiResponse response(Object result) {
    int capture = GenAiInstrumenter.captureContentMaxLength();
    if (result instanceof GenerateContentResponse) {
      return GoogleGenAiResponses.chat((GenerateContentResponse) result, capture);
    }
    if (result instanceof EmbedContentResponse) {
      return GoogleGenAiResponses.embeddings((EmbedContentResponse) result);
    }
    return null;
  }

  private GoogleGenAiCalls() {}
}
