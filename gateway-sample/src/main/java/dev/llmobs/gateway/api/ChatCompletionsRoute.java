package dev.llmobs.gateway.api;

import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.genai.ResponseStream;
import com.google.genai.types.GenerateContentResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.llmobs.gateway.cache.ResponseCache;
import dev.llmobs.gateway.providers.AnthropicChat;
import dev.llmobs.gateway.providers.AnthropicUpstream;
import dev.llmobs.gateway.providers.GeminiChat;
import dev.llmobs.gateway.providers.GeminiUpstream;
import dev.llmobs.gateway.providers.ModelRouter;
import dev.llmobs.gateway.providers.OpenAiUpstream;
import dev.llmobs.gateway.providers.Provider;
import dev.llmobs.gateway.wire.JsonBodies;
import dev.llmobs.gateway.wire.OpenAiError;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;

/**
 * {@code POST /v1/chat/completions}, plain or streamed: {@code gpt-*}/{@code o*} through
 * openai-java, {@code claude-*} through anthropic-java with the answer translated back.
 */
public final class ChatCompletionsRoute {

  private final OpenAiUpstream openAi;
  private final AnthropicUpstream anthropic;

  private final GeminiUpstream gemini;

  private final CachedAnswers cached;

  /** {@code cache} null: no response cache. */
  public ChatCompletionsRoute(
      OpenAiUpstream openAi,
      AnthropicUpstream anthropic,
      GeminiUpstream gemini,
      ResponseCache cache) {
    this.openAi = openAi;
    this.anthropic = anthropic;
    this.gemini = gemini;
    this.cached = new CachedAnswers(cache);
  }

  public void handle(Context ctx) throws IOException {
    ObjectNode raw = RequestBodies.object(ctx);
    boolean stream = JsonBodies.takeStream(raw);
    String model = JsonBodies.requiredString(raw, "model");
    Provider provider = ModelRouter.route(model);
    JsonBodies.checkInteger(raw, "max_tokens", 1, Integer.MAX_VALUE);
    JsonBodies.checkInteger(raw, "max_completion_tokens", 1, Integer.MAX_VALUE);
    JsonBodies.checkInteger(raw, "n", 1, 128);
    JsonBodies.checkNumber(raw, "temperature", 0, 2);
    JsonBodies.checkNumber(raw, "top_p", 0, 1);
    ChatCompletionCreateParams.Body body =
        JsonBodies.bind(
            raw,
            ChatCompletionCreateParams.Body.class,
            "gpt-4o",
            ChatCompletionCreateParams.Body::validate);
    if (body.messages().isEmpty()) {
      throw OpenAiError.invalidRequest("'messages' must not be empty.", "messages");
    }
    Map<String, String> headers = UpstreamHeaders.from(ctx);
    if (stream) {
      switch (provider) {
        case ANTHROPIC ->
            streamAnthropic(ctx, AnthropicChat.request(model, raw), headers, includeUsage(raw));
        case GOOGLE ->
            streamGemini(ctx, GeminiChat.request(model, raw), headers, includeUsage(raw));
        default -> streamOpenAi(ctx, body, headers);
      }
      return;
    }
    cached.answer(
        ctx,
        "chat",
        raw,
        headers,
        () ->
            JsonBodies.write(
                switch (provider) {
                  case ANTHROPIC ->
                      AnthropicChat.completion(
                          anthropic.message(AnthropicChat.request(model, raw), headers));
                  case GOOGLE ->
                      GeminiChat.completion(
                          gemini.generate(GeminiChat.request(model, raw), headers), model);
                  default -> openAi.chat(body, headers);
                }));
  }

  private void streamOpenAi(
      Context ctx, ChatCompletionCreateParams.Body body, Map<String, String> headers)
      throws IOException {
    try (com.openai.core.http.StreamResponse<ChatCompletionChunk> chunks =
        openAi.chatStream(body, headers)) {
      SseWriter sse = SseWriter.open(ctx);
      Streams.relay(
          sse,
          () -> {
            for (ChatCompletionChunk chunk :
                (Iterable<ChatCompletionChunk>) chunks.stream()::iterator) {
              sse.data(JsonBodies.write(chunk));
            }
            sse.done();
          });
    }
  }

  private void streamAnthropic(
      Context ctx, MessageCreateParams params, Map<String, String> headers, boolean includeUsage)
      throws IOException {
    AnthropicChat.ChunkStream translate = new AnthropicChat.ChunkStream(includeUsage);
    try (StreamResponse<RawMessageStreamEvent> events = anthropic.messageStream(params, headers)) {
      SseWriter sse = SseWriter.open(ctx);
      Streams.relay(
          sse,
          () -> {
            for (RawMessageStreamEvent event :
                (Iterable<RawMessageStreamEvent>) events.stream()::iterator) {
              for (ObjectNode chunk : translate.on(event)) {
                sse.data(JsonBodies.write(chunk));
              }
            }
            sse.done();
          });
    }
  }

  private void streamGemini(
      Context ctx, GeminiChat.Request request, Map<String, String> headers, boolean includeUsage)
      throws IOException {
    GeminiChat.ChunkStream translate = new GeminiChat.ChunkStream(request.model(), includeUsage);
    try (ResponseStream<GenerateContentResponse> responses =
        gemini.generateStream(request, headers)) {
      SseWriter sse = SseWriter.open(ctx);
      Streams.relay(
          sse,
          () -> {
            for (GenerateContentResponse response : responses) {
              for (ObjectNode chunk : translate.on(response)) {
                sse.data(JsonBodies.write(chunk));
              }
            }
            for (ObjectNode chunk : translate.finish()) {
              sse.data(JsonBodies.write(chunk));
            }
            sse.done();
          });
    }
  }

  private static boolean includeUsage(ObjectNode raw) {
    return raw.path("stream_options").path("include_usage").asBoolean(false);
  }

  static void json(Context ctx, String body) {
    ctx.contentType("application/json").result(body);
  }
}
