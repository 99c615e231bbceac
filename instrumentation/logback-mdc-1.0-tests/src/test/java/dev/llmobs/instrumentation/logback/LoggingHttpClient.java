package dev.llmobs.instrumentation.logback;

import com.openai.core.RequestOptions;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an application does to see its HTTP traffic: an openai-java {@code HttpClient} that logs
 * each request on the calling thread, then hands it to the SDK's own OkHttp client. Its log line is
 * written while the provider call runs.
 */
final class LoggingHttpClient implements HttpClient {

  static final String LOGGER = "app.openai.http";
  private static final Logger log = LoggerFactory.getLogger(LOGGER);

  private final HttpClient delegate;

  LoggingHttpClient(HttpClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public HttpResponse execute(HttpRequest request, RequestOptions options) {
    log.info("sending {} {}", request.method(), request.pathSegments());
    return delegate.execute(request, options);
  }

  @Override
  public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions options) {
    log.info("sending async {} {}", request.method(), request.pathSegments());
    return delegate.executeAsync(request, options);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
