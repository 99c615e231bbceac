package dev.llmobs.gateway.bench;

import dev.llmobs.gateway.GatewayMain;
import dev.llmobs.gateway.config.GatewayConfig;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load test of the gateway: exactly {@code --requests} chat completions from {@code
 * --concurrency} workers, then throughput, latency percentiles and errors. Without {@code --url} it
 * starts a gateway on the embedded simulator in this JVM. Loopback targets only. The report goes to
 * stderr, since an embedded gateway logs its JSON lines to stdout.
 *
 * <pre>
 * java -cp gateway-sample/target/gateway-sample.jar dev.llmobs.gateway.bench.LoadGenerator \
 *     [--url http://127.0.0.1:8080] [--requests 10000] [--concurrency 10] [--warmup 1000] [--stream]
 * </pre>
 */
public final class LoadGenerator {

  private LoadGenerator() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    int requests = Integer.parseInt(options.getOrDefault("requests", "10000"));
    int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "10"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "1000"));
    boolean stream = options.containsKey("stream");
    String model = options.getOrDefault("model", "gpt-4o-mini");

    GatewayMain embedded = null;
    URI base;
    if (options.containsKey("url")) {
      base = URI.create(options.get("url"));
      if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
        throw new IllegalArgumentException(
            "--url must be a loopback address, got " + base.getHost());
      }
    } else {
      embedded =
          GatewayMain.start(
              GatewayConfig.of(Map.of(GatewayConfig.HOST, "127.0.0.1", GatewayConfig.PORT, "0")));
      base = URI.create("http://127.0.0.1:" + embedded.port());
    }
    try {
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      URI target = base.resolve("/v1/chat/completions");
      System.err.printf(
          Locale.ROOT,
          "target %s, model %s, stream %s, concurrency %d%n",
          target,
          model,
          stream,
          concurrency);
      if (warmup > 0) {
        Result w = run(http, target, model, stream, warmup, concurrency);
        System.err.printf(Locale.ROOT, "warm-up: %d requests, %d errors%n", warmup, w.errors);
      }
      Result result = run(http, target, model, stream, requests, concurrency);
      long[] sorted = result.latencyNanos.clone();
      Arrays.sort(sorted);
      double seconds = result.wallNanos / 1e9;
      System.err.printf(
          Locale.ROOT,
          "requests %d, errors %d, wall %.2f s, throughput %.0f req/s, latency ms: p50 %.2f, p90 %.2f, p99 %.2f, max %.2f%n",
          requests,
          result.errors,
          seconds,
          requests / seconds,
          percentile(sorted, 0.50),
          percentile(sorted, 0.90),
          percentile(sorted, 0.99),
          sorted[sorted.length - 1] / 1e6);
      if (result.errors > 0) {
        System.err.println("first error: " + result.firstError);
        System.exit(1);
      }
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  private record Result(long[] latencyNanos, long errors, long wallNanos, String firstError) {}

  private static Result run(
      HttpClient http, URI target, String model, boolean stream, int requests, int concurrency)
      throws Exception {
    long[] latencies = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicLong errors = new AtomicLong();
    String[] firstError = new String[1];
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    long start = System.nanoTime();
    try {
      Future<?>[] workers = new Future<?>[concurrency];
      for (int w = 0; w < concurrency; w++) {
        workers[w] =
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    String body =
                        "{\"model\":\""
                            + model
                            + "\",\"stream\":"
                            + stream
                            + ",\"messages\":[{\"role\":\"user\",\"content\":\"load test request "
                            + (i % 100)
                            + "\"}]}";
                    HttpRequest request =
                        HttpRequest.newBuilder(target)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    long t0 = System.nanoTime();
                    String failure = null;
                    try {
                      HttpResponse<String> response =
                          http.send(request, HttpResponse.BodyHandlers.ofString());
                      if (response.statusCode() != 200
                          || (stream && !response.body().endsWith("data: [DONE]\n\n"))) {
                        failure = "HTTP " + response.statusCode() + ": " + response.body();
                      }
                    } catch (Exception e) {
                      failure = e.toString();
                    }
                    latencies[i] = System.nanoTime() - t0;
                    if (failure != null && errors.incrementAndGet() == 1) {
                      firstError[0] = failure;
                    }
                  }
                  return null;
                });
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdown();
    }
    return new Result(latencies, errors.get(), System.nanoTime() - start, firstError[0]);
  }

  private static double percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
      String key = args[i].substring(2);
      if (key.equals("stream")) {
        options.put(key, "true");
      } else if (i + 1 < args.length) {
        options.put(key, args[++i]);
      } else {
        throw new IllegalArgumentException("--" + key + " needs a value");
      }
    }
    return options;
  }
}
