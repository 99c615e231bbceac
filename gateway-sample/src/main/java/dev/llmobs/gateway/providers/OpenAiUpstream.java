package dev.llmobs.gateway.providers;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import java.time.Duration;
import java.util.Map;

/** OpenAI through the official openai-java client (OkHttp). */
public final class OpenAiUpstream implements AutoCloseable {

  private final OpenAIClient client;

  public OpenAiUpstream(String baseUrl, String apiKey, Duration timeout, int maxRetries) {
    this.client =
        OpenAIOkHttpClient.builder()
            .baseUrl(baseUrl)
            .apiKey(apiKey)
            .timeout(timeout)
            .maxRetries(maxRetries)
            .build();
  }

  public ChatCompletion chat(ChatCompletionCreateParams.Body body, Map<String, String> headers) {
    return client.chat().completions().create(chatParams(body, headers));
  }

  public StreamResponse<ChatCompletionChunk> chatStream(
      ChatCompletionCreateParams.Body body, Map<String, String> headers) {
    return client.chat().completions().createStreaming(chatParams(body, headers));
  }

  public Response respond(ResponseCreateParams.Body body, Map<String, String> headers) {
    return client.responses().create(responseParams(body, headers));
  }

  public StreamResponse<ResponseStreamEvent> respondStream(
      ResponseCreateParams.Body body, Map<String, String> headers) {
    return client.responses().createStreaming(responseParams(body, headers));
  }

  public CreateEmbeddingResponse embed(
      EmbeddingCreateParams.Body body, Map<String, String> headers) {
    EmbeddingCreateParams.Builder params = EmbeddingCreateParams.builder().body(body);
    headers.forEach(params::putAdditionalHeader);
    return client.embeddings().create(params.build());
  }

  private static ChatCompletionCreateParams chatParams(
      ChatCompletionCreateParams.Body body, Map<String, String> headers) {
    ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder().body(body);
    headers.forEach(params::putAdditionalHeader);
    return params.build();
  }

  private static ResponseCreateParams responseParams(
      ResponseCreateParams.Body body, Map<String, String> headers) {
    ResponseCreateParams.Builder params = ResponseCreateParams.builder().body(body);
    headers.forEach(params::putAdditionalHeader);
    return params.build();
  }

  @Override
  public void close() {
    client.close();
  }
}
