package dev.llmobs.gateway.providers;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import java.time.Duration;
import java.util.Map;

/** Anthropic through the official anthropic-java client (OkHttp). */
public final class AnthropicUpstream implements AutoCloseable {

  private final AnthropicClient client;

  public AnthropicUpstream(String baseUrl, String apiKey, Duration timeout, int maxRetries) {
    this.client =
        AnthropicOkHttpClient.builder()
            .baseUrl(baseUrl)
            .apiKey(apiKey)
            .timeout(timeout)
            .maxRetries(maxRetries)
            .build();
  }

  public Message message(MessageCreateParams params, Map<String, String> headers) {
    return client.messages().create(withHeaders(params, headers));
  }

  public StreamResponse<RawMessageStreamEvent> messageStream(
      MessageCreateParams params, Map<String, String> headers) {
    return client.messages().createStreaming(withHeaders(params, headers));
  }

  private static MessageCreateParams withHeaders(
      MessageCreateParams params, Map<String, String> headers) {
    if (headers.isEmpty()) {
      return params;
    }
    MessageCreateParams.Builder builder = params.toBuilder();
    headers.forEach(builder::putAdditionalHeader);
    return builder.build();
  }

  @Override
  public void close() {
    client.close();
  }
}
