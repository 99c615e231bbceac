package dev.llmobs.genai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MetricLabelCapTest {

  @Test
  void keepsTheFirstValuesOfEachLabelAndFoldsTheRestIntoOther() {
    MetricLabelCap cap = new MetricLabelCap(3);
    assertThat(cap.cap("model", "a")).isEqualTo("a");
    assertThat(cap.cap("model", "b")).isEqualTo("b");
    assertThat(cap.cap("model", "a")).isEqualTo("a");
    assertThat(cap.cap("model", "c")).isEqualTo("c");
    assertThat(cap.cap("model", "d")).isEqualTo(MetricLabelCap.OVERFLOW);
    assertThat(cap.cap("model", "e")).isEqualTo(MetricLabelCap.OVERFLOW);
    // Kept values stay kept after the cap is reached.
    assertThat(cap.cap("model", "b")).isEqualTo("b");
    // Each label has its own budget.
    assertThat(cap.cap("tenant", "d")).isEqualTo("d");
  }

  @Test
  void nullStaysNullAndOverlongValuesAreNeverKept() {
    MetricLabelCap cap = new MetricLabelCap(100);
    assertThat(cap.cap("model", null)).isNull();
    String longest = repeat("m", MetricLabelCap.MAX_VALUE_LENGTH);
    assertThat(cap.cap("model", longest)).isEqualTo(longest);
    assertThat(cap.cap("model", longest + "x")).isEqualTo(MetricLabelCap.OVERFLOW);
  }

  @Test
  void labelNamesAreBoundedToo() {
    MetricLabelCap cap = new MetricLabelCap(5);
    for (int i = 0; i < MetricLabelCap.MAX_LABELS; i++) {
      assertThat(cap.cap("label" + i, "v")).isEqualTo("v");
    }
    assertThat(cap.cap("one-too-many", "v")).isEqualTo(MetricLabelCap.OVERFLOW);
  }

  @Test
  void rejectsANonPositiveCap() {
    assertThatThrownBy(() -> new MetricLabelCap(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentNewcomersNeverExceedTheCapAndAgreeOnWhatIsKept() throws Exception {
    int cap = 100;
    MetricLabelCap labels = new MetricLabelCap(cap);
    Set<String> kept = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  // Every thread offers the same 300 values, in a different order.
                  for (int i = 0; i < 300; i++) {
                    String value = "model-" + ((i * 7 + thread * 31) % 300);
                    String result = labels.cap("gen_ai.request.model", value);
                    if (!MetricLabelCap.OVERFLOW.equals(result)) {
                      assertThat(result).isEqualTo(value);
                      kept.add(result);
                    }
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> future : futures) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(kept).hasSize(cap);
    // Afterwards every value gets one stable answer: kept ones as themselves, others as _OTHER.
    Set<String> keptAfter = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      String result = labels.cap("gen_ai.request.model", "model-" + i);
      if (!MetricLabelCap.OVERFLOW.equals(result)) {
        keptAfter.add(result);
      }
    }
    assertThat(keptAfter).isEqualTo(kept);
  }

  static String repeat(String s, int times) {
    return String.join("", Collections.nCopies(times, s));
  }
}
