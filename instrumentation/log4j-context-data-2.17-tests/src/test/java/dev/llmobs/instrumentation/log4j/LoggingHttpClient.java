package dev.llmobs.instrumentation.log4j;

import com.openai.core.RequestOptions;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * An openai-java {@code HttpClient} that logs each request with Log4j on the calling thread, then
 * hands it to the SDK's own OkHttp client: a log line written while the provider call runs.
 */
final class LoggingHttpClient implements HttpClient {

  private static final Logger log = LogManager.getLogger("app.openai.http");

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
