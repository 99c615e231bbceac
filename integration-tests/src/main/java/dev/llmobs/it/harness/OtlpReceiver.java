package dev.llmobs.it.harness;

import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * A minimal OTLP/HTTP (protobuf) receiver on a loopback port: what a collector would get from the
 * agent: spans, metric points and log records (application logs and events), plus the text of every
 * request for checks that look at everything at once.
 */
public final class OtlpReceiver implements AutoCloseable {

  private final HttpServer server;
  private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
  private final List<ReceivedMetricPoint> metricPoints = new CopyOnWriteArrayList<>();
  private final List<ReceivedLogRecord> logRecords = new CopyOnWriteArrayList<>();
  private final List<Message> requests = new CopyOnWriteArrayList<>();

  private final Consumer<ReceivedSpan> spanSink;

  private OtlpReceiver(HttpServer server, Consumer<ReceivedSpan> spanSink) {
    this.spanSink = spanSink != null ? spanSink : spans::add;
    this.server = server;
  }

  /** Keeps everything it receives, on a free port. */
  public static OtlpReceiver start() throws IOException {
    return start(0);
  }

  /** Keeps everything it receives, on {@code port} (a collector coming back where it was). */
  public static OtlpReceiver start(int port) throws IOException {
    return start(port, null);
  }

  /**
   * Hands every span to {@code spanSink} instead of keeping it, and acknowledges log records
   * unread: for long runs, where keeping every span would cost the test JVM more than the count.
   * Metric points are kept.
   */
  public static OtlpReceiver counting(Consumer<ReceivedSpan> spanSink) throws IOException {
    return start(0, spanSink);
  }

  /** Acknowledges every export unread: a collector that costs the sender nothing to wait for. */
  public static OtlpReceiver discarding() throws IOException {
    HttpServer server = bind(0);
    server.createContext("/", OtlpReceiver::acknowledge);
    server.start();
    return new OtlpReceiver(server, null);
  }

  private static OtlpReceiver start(int port, Consumer<ReceivedSpan> spanSink) throws IOException {
    HttpServer server = bind(port);
    OtlpReceiver receiver = new OtlpReceiver(server, spanSink);
    server.createContext("/v1/traces", receiver::traces);
    server.createContext("/v1/metrics", receiver::metrics);
    server.createContext("/v1/logs", spanSink == null ? receiver::logs : OtlpReceiver::acknowledge);
    server.createContext("/", OtlpReceiver::acknowledge);
    server.start();
    return receiver;
  }

  /** The base endpoint for {@code otel.exporter.otlp.endpoint}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  // A given port may still be held for a while after its last owner closed: the connections a
  // hung collector accepted wait in FIN_WAIT_2 until the sender gives up on them, and Linux refuses
  // the bind until then. A collector restarting in place retries likewise.
  private static HttpServer bind(int port) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(port == 0 ? 0 : 60);
    while (true) {
      try {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      } catch (BindException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public List<ReceivedSpan> spans() {
    return new ArrayList<>(spans);
  }

  /** Waits until {@code condition} holds for the spans received so far; fails after timeout. */
  public List<ReceivedSpan> awaitSpans(Predicate<List<ReceivedSpan>> condition, Duration timeout)
      throws InterruptedException {
    return await(this::spans, condition, timeout, current -> current.size() + ": " + current);
  }

  private static <T> List<T> await(
      Supplier<List<T>> received,
      Predicate<List<T>> condition,
      Duration timeout,
      Function<List<T>, String> describe)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<T> current = received.get();
      if (condition.test(current)) {
        return current;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "not received within " + timeout + "; got " + describe.apply(current));
      }
      Thread.sleep(100);
    }
  }

  public List<ReceivedMetricPoint> metricPoints() {
    return new ArrayList<>(metricPoints);
  }

  /** Waits until {@code condition} holds for the metric points received so far. */
  public List<ReceivedMetricPoint> awaitMetricPoints(
      Predicate<List<ReceivedMetricPoint>> condition, Duration timeout)
      throws InterruptedException {
    return await(
        this::metricPoints,
        condition,
        timeout,
        current ->
            "metric points " + current.stream().map(ReceivedMetricPoint::name).distinct().toList());
  }

  public List<ReceivedLogRecord> logRecords() {
    return new ArrayList<>(logRecords);
  }

  /** Waits until {@code condition} holds for the log records received so far. */
  public List<ReceivedLogRecord> awaitLogRecords(
      Predicate<List<ReceivedLogRecord>> condition, Duration timeout) throws InterruptedException {
    return await(this::logRecords, condition, timeout, current -> current.size() + " log records");
  }

  /** Every export request received so far (spans, metrics, logs, resources), as protobuf text. */
  public String allReceivedText() {
    return requests.stream()
        .map(TextFormat.printer()::printToString)
        .collect(Collectors.joining("\n"));
  }

  private void logs(HttpExchange exchange) throws IOException {
    try (exchange) {
      ExportLogsServiceRequest request;
      try (InputStream body = body(exchange)) {
        request = ExportLogsServiceRequest.parseFrom(body);
      }
      requests.add(request);
      for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
        for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
          for (LogRecord record : scopeLogs.getLogRecordsList()) {
            logRecords.add(
                new ReceivedLogRecord(
                    resourceLogs.getResource(), scopeLogs.getScope().getName(), record));
          }
        }
      }
      reply(exchange, ExportLogsServiceResponse.getDefaultInstance().toByteArray());
    }
  }

  private void metrics(HttpExchange exchange) throws IOException {
    try (exchange) {
      ExportMetricsServiceRequest request;
      try (InputStream body = body(exchange)) {
        request = ExportMetricsServiceRequest.parseFrom(body);
      }
      requests.add(request);
      for (ResourceMetrics resourceMetrics : request.getResourceMetricsList()) {
        for (ScopeMetrics scopeMetrics : resourceMetrics.getScopeMetricsList()) {
          String scope = scopeMetrics.getScope().getName();
          for (Metric metric : scopeMetrics.getMetricsList()) {
            addPoints(scope, metric);
          }
        }
      }
      reply(exchange, ExportMetricsServiceResponse.getDefaultInstance().toByteArray());
    }
  }

  private void addPoints(String scope, Metric metric) {
    switch (metric.getDataCase()) {
      case HISTOGRAM:
        for (HistogramDataPoint p : metric.getHistogram().getDataPointsList()) {
          metricPoints.add(
              new ReceivedMetricPoint(
                  scope,
                  metric.getName(),
                  metric.getUnit(),
                  ReceivedSpan.decode(p.getAttributesList()),
                  p.getSum(),
                  p.getCount()));
        }
        break;
      case SUM:
        for (NumberDataPoint p : metric.getSum().getDataPointsList()) {
          metricPoints.add(
              new ReceivedMetricPoint(
                  scope,
                  metric.getName(),
                  metric.getUnit(),
                  ReceivedSpan.decode(p.getAttributesList()),
                  number(p),
                  1));
        }
        break;
      case GAUGE:
        for (NumberDataPoint p : metric.getGauge().getDataPointsList()) {
          metricPoints.add(
              new ReceivedMetricPoint(
                  scope,
                  metric.getName(),
                  metric.getUnit(),
                  ReceivedSpan.decode(p.getAttributesList()),
                  number(p),
                  1));
        }
        break;
      default:
        break;
    }
  }

  private static double number(NumberDataPoint point) {
    return point.getValueCase() == NumberDataPoint.ValueCase.AS_INT
        ? point.getAsInt()
        : point.getAsDouble();
  }

  private void traces(HttpExchange exchange) throws IOException {
    try (exchange) {
      ExportTraceServiceRequest request;
      try (InputStream body = body(exchange)) {
        request = ExportTraceServiceRequest.parseFrom(body);
      }
      requests.add(request);
      for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
        for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
          for (Span span : scopeSpans.getSpansList()) {
            spanSink.accept(
                new ReceivedSpan(
                    resourceSpans.getResource(), scopeSpans.getScope().getName(), span));
          }
        }
      }
      reply(exchange, ExportTraceServiceResponse.getDefaultInstance().toByteArray());
    }
  }

  private static void acknowledge(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      reply(exchange, new byte[0]);
    }
  }

  private static InputStream body(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    return "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
        ? new GZIPInputStream(in)
        : in;
  }

  private static void reply(HttpExchange exchange, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
    exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
