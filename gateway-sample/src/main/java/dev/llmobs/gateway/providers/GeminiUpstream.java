package dev.llmobs.gateway.providers;

import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.types.EmbedContentConfig;
import com.google.genai.types.EmbedContentResponse;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Gemini through Google's google-genai SDK, in Gemini Developer API mode (an API key). */
public final class GeminiUpstream implements AutoCloseable {

  private final Client client;

  public GeminiUpstream(String baseUrl, String apiKey, Duration timeout, int maxRetries) {
    HttpOptions.Builder http =
        HttpOptions.builder()
            .baseUrl(baseUrl)
            .timeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
            // attempts counts the first try too
            .retryOptions(HttpRetryOptions.builder().attempts(maxRetries + 1).build());
    this.client = Client.builder().apiKey(apiKey).vertexAI(false).httpOptions(http.build()).build();
  }

  public GenerateContentResponse generate(GeminiChat.Request request, Map<String, String> headers) {
    return client.models.generateContent(
        request.model(), request.contents(), withHeaders(request.config(), headers));
  }

  public ResponseStream<GenerateContentResponse> generateStream(
      GeminiChat.Request request, Map<String, String> headers) {
    return client.models.generateContentStream(
        request.model(), request.contents(), withHeaders(request.config(), headers));
  }

  public EmbedContentResponse embed(
      String model, List<String> texts, EmbedContentConfig config, Map<String, String> headers) {
    EmbedContentConfig withHeaders =
        headers.isEmpty()
            ? config
            : config.toBuilder()
                .httpOptions(HttpOptions.builder().headers(headers).build())
                .build();
    return client.models.embedContent(model, texts, withHeaders);
  }

  private static GenerateContentConfig withHeaders(
      GenerateContentConfig config, Map<String, String> headers) {
    if (headers.isEmpty()) {
      return config;
    }
    return config.toBuilder().httpOptions(HttpOptions.builder().headers(headers).build()).build();
  }

  @Override
  public void close() {
    client.close();
  }
}
