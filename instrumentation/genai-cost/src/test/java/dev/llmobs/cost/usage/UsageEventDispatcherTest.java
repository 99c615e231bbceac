package dev.llmobs.cost.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageEventDispatcherTest {

  static UsageEvent event(String id) {
    return UsageEvent.builder()
        .time(Instant.parse("2026-01-02T03:04:05Z"))
        .requestId(id)
        .provider("openai")
        .model("gpt-4o")
        .tokens(10L, 5L, null, null, null)
        .cost(new BigDecimal("1E-7"))
        .build();
  }

  @Test
  void throwingSinkIsLoggedOnceAndOtherSinksGetEveryEvent() {
    List<String> warnings = new CopyOnWriteArrayList<>();
    Logger logger = Logger.getLogger(UsageEventDispatcher.class.getName());
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            warnings.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(capture);
    try {
      List<UsageEvent> received = new CopyOnWriteArrayList<>();
      UsageSink broken =
          event -> {
            throw new IllegalStateException("sink down");
          };
      UsageSink working = received::add;
      UsageEventDispatcher dispatcher =
          new UsageEventDispatcher(Arrays.asList(broken, working), 64);
      for (int i = 0; i < 10; i++) {
        String id = "call-" + i;
        assertThat(dispatcher.offer(() -> event(id))).isTrue();
      }
      assertThat(dispatcher.flush(5000)).isTrue();
      assertThat(received).hasSize(10);
      assertThat(warnings).singleElement().asString().contains("logged once");
      dispatcher.close(1000);
      assertThat(dispatcher.offer(() -> event("late"))).isFalse();
    } finally {
      logger.removeHandler(capture);
    }
  }

  @Test
  void eventsReachTheSinksInBatchesWithoutAFlush() throws Exception {
    List<Integer> batches = new CopyOnWriteArrayList<>();
    List<UsageEvent> received = new CopyOnWriteArrayList<>();
    UsageSink sink =
        new UsageSink() {
          private int pending;

          @Override
          public void accept(UsageEvent event) {
            received.add(event);
            pending++;
          }

          @Override
          public void flush() {
            batches.add(pending);
            pending = 0;
          }
        };
    UsageEventDispatcher dispatcher = new UsageEventDispatcher(Arrays.asList(sink), 4096);
    try {
      // A few events: delivered by the periodic wake-up, with no flush asked for.
      for (int i = 0; i < 3; i++) {
        String id = "call-" + i;
        dispatcher.offer(() -> event(id));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (received.size() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(received).hasSize(3);

      // Calls a millisecond apart, as under load: delivered in a few batches, not with one
      // wake-up and one sink flush per event.
      batches.clear();
      for (int i = 0; i < 30; i++) {
        String id = "steady-" + i;
        assertThat(dispatcher.offer(() -> event(id))).isTrue();
        Thread.sleep(1);
      }
      assertThat(dispatcher.flush(5000)).isTrue();
      assertThat(received).hasSize(33);
      assertThat(batches.size()).isLessThan(10);
    } finally {
      dispatcher.close(1000);
    }
  }

  @Test
  void fullQueueDropsAndCountsWithoutBlocking() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<UsageEvent> received = new CopyOnWriteArrayList<>();
    UsageSink slow =
        event -> {
          entered.countDown();
          release.await(10, TimeUnit.SECONDS);
          received.add(event);
        };
    UsageEventDispatcher dispatcher = new UsageEventDispatcher(Arrays.asList(slow), 2);
    // The first event occupies the worker (stuck in the sink); then the queue holds 2.
    assertThat(dispatcher.offer(() -> event("first"))).isTrue();
    assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
    int accepted = 0;
    long start = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      if (dispatcher.offer(() -> event("e"))) {
        accepted++;
      }
    }
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
    assertThat(accepted).isEqualTo(2);
    assertThat(dispatcher.droppedCount()).isEqualTo(18);
    release.countDown();
    assertThat(dispatcher.flush(5000)).isTrue();
    assertThat(received).hasSize(3);
    dispatcher.close(1000);
  }

  @Test
  void jsonLinesFileHasOneObjectPerEventWithExactPlainCost(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("nested/usage.jsonl");
    UsageEventDispatcher dispatcher =
        new UsageEventDispatcher(Arrays.<UsageSink>asList(new JsonLinesUsageSink(file)), 8);
    dispatcher.offer(() -> event("a"));
    dispatcher.offer(() -> event("b"));
    assertThat(dispatcher.flush(5000)).isTrue();
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .isEqualTo(
            "{\"time\":\"2026-01-02T03:04:05Z\",\"request_id\":\"a\",\"provider\":\"openai\","
                + "\"model\":\"gpt-4o\",\"effective_model\":\"gpt-4o\",\"input_tokens\":10,"
                + "\"output_tokens\":5,\"total_tokens\":15,\"cost\":0.0000001,\"currency\":\"USD\","
                + "\"outcome\":\"success\",\"latency_ms\":0.0}");
    dispatcher.close(1000);
  }
}
