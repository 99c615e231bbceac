package dev.llmobs.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Starting and stopping the JVMs a test or benchmark runs: the same {@code java} as this JVM's, so
 * a test run on JDK 25 starts the gateway on JDK 25 too.
 */
final class Jvms {

  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Jvms() {}

  static String java() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Starts {@code command} with standard output and error both in {@code log}. */
  static Process start(List<String> command, Map<String, String> environment, Path log)
      throws IOException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    return builder.start();
  }

  /**
   * Polls {@code uri} every 10 ms until it answers 200; fails with {@code logText} if the process
   * exits or the timeout passes.
   */
  static void awaitOk(Process process, URI uri, Duration timeout, Supplier<String> logText)
      throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "process exited with " + process.exitValue() + "; log:\n" + logText.get());
      }
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(10);
    }
    stop(process);
    throw new IllegalStateException(
        uri + " not answering within " + timeout + "; log:\n" + logText.get());
  }

  static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // The OS may hand a port just released out again: two ports picked here for one gateway (its
  // own and the agent's Prometheus exporter's) must differ.
  private static final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

  /** A free loopback port, never one this JVM handed out before. */
  static int freePort() throws IOException {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0)) {
        if (handedOut.add(socket.getLocalPort())) {
          return socket.getLocalPort();
        }
      }
    }
  }
}
