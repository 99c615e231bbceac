package dev.llmobs.genai.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ActiveConversationsTest {

  static final long MINUTE = 60_000;

  @Test
  void fewIdsAreCountedExactlyRepeatsOnce() {
    ActiveConversations active = new ActiveConversations(5 * MINUTE);
    long now = 1_000_000_000L;
    for (int repeat = 0; repeat < 3; repeat++) {
      active.record("conv-a", now);
      active.record("conv-b", now + 1000);
      active.record("conv-c", now + 2000);
    }
    assertThat(active.estimate(now + 3000)).isEqualTo(3);
  }

  @Test
  void idsLeaveTheWindowAfterItPasses() {
    ActiveConversations active = new ActiveConversations(5 * MINUTE);
    long start = 1_000_000_000L;
    active.record("old", start);
    active.record("newer", start + 4 * MINUTE);
    assertThat(active.estimate(start + 4 * MINUTE)).isEqualTo(2);
    // The window slides in tenths: an id stays for one to 1.1 windows.
    assertThat(active.estimate(start + 5 * MINUTE + 31_000)).isEqualTo(1);
    assertThat(active.estimate(start + 10 * MINUTE)).isZero();
    assertThat(new ActiveConversations(5 * MINUTE).estimate(start)).isZero();
  }

  @Test
  void manyIdsWithinTheSketchesError() {
    ActiveConversations active = new ActiveConversations(5 * MINUTE);
    long now = 1_000_000_000L;
    int distinct = 100_000;
    for (int i = 0; i < distinct; i++) {
      active.record("conversation-" + i, now + (i % 1000));
      active.record("conversation-" + i, now + 2000);
    }
    // Standard error 1.6%; allow four of them.
    assertThat((double) active.estimate(now + 3000)).isCloseTo(distinct, within(distinct * 0.065));
  }
}
