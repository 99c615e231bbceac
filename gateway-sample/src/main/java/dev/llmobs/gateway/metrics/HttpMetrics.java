package dev.llmobs.gateway.metrics;

import dev.llmobs.gateway.store.ConversationStore;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.eclipse.jetty.server.Request;

/**
 * The gateway's own Prometheus metrics (Micrometer): requests, latency histogram, request and
 * response sizes, labelled by method, route template and status; and the stored conversations.
 */
public final class HttpMetrics {

  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** The path label of requests that matched no route (a raw path would explode cardinality). */
  static final String UNMATCHED = "unmatched";

  private static final Duration[] BUCKETS = {
    Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
    Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
    Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
    Duration.ofSeconds(60)
  };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public HttpMetrics(ConversationStore store) {
    Gauge.builder("gateway.conversations.stored", store, s -> (double) s.count())
        .description("Conversations in the conversation store")
        .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Records one finished request; called from Javalin's request logger, after the response. */
  public void record(Context ctx, float durationMs) {
    String method = ctx.method().name();
    String path = route(ctx);
    String status = Integer.toString(ctx.status().getCode());
    Counter.builder("http.requests")
        .description("HTTP requests served")
        .tags("method", method, "path", path, "status", status)
        .register(registry)
        .increment();
    Timer.builder("http.request.duration")
        .description("HTTP request duration")
        .tags("method", method, "path", path, "status", status)
        .serviceLevelObjectives(BUCKETS)
        .register(registry)
        .record(Duration.ofNanos((long) (durationMs * 1_000_000)));
    Request jetty = Request.getBaseRequest(ctx.req());
    if (jetty != null) {
      DistributionSummary.builder("http.request.size")
          .description("HTTP request body size")
          .baseUnit("bytes")
          .tags("method", method, "path", path)
          .register(registry)
          .record(Math.max(0, jetty.getHttpInput().getContentReceived()));
      DistributionSummary.builder("http.response.size")
          .description("HTTP response size as written, headers excluded")
          .baseUnit("bytes")
          .tags("method", method, "path", path)
          .register(registry)
          .record(Math.max(0, jetty.getHttpChannel().getBytesWritten()));
    }
  }

  /** The route template ({@code /v1/responses/{response_id}}), never the raw path. */
  public static String route(Context ctx) {
    try {
      String path = ctx.endpointHandlerPath();
      return path == null || path.isEmpty() || "*".equals(path) ? UNMATCHED : path;
    } catch (RuntimeException noEndpoint) {
      return UNMATCHED;
    }
  }

  public String scrape() {
    return registry.scrape();
  }

  public void close() {
    registry.close();
  }
}
