package dev.llmobs.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ConversationStore} must do; one subclass per implementation and backend. */
abstract class ConversationStoreContract {

  ConversationStore store;
  final List<String> created = new ArrayList<>();

  abstract ConversationStore newStore();

  @BeforeEach
  void open() {
    store = newStore();
  }

  @AfterEach
  void cleanUpAndClose() {
    // Shared databases outlive the test: leave nothing behind.
    created.forEach(store::delete);
    store.close();
  }

  String newId() {
    String id = "resp_test_" + UUID.randomUUID();
    created.add(id);
    return id;
  }

  static String item(String role, String text) {
    return "{\"type\":\"message\",\"role\":\"" + role + "\",\"content\":\"" + text + "\"}";
  }

  @Test
  void createThenGetReturnsTheItemsInOrderUnchanged() {
    String id = newId();
    List<String> items =
        List.of(
            item("user", "héllo ✓ \\\"quoted\\\""), item("assistant", "hi"), item("user", "again"));
    store.create(new Conversation(id, items));

    assertThat(store.get(id))
        .hasValueSatisfying(
            c -> {
              assertThat(c.id()).isEqualTo(id);
              assertThat(c.items()).containsExactlyElementsOf(items);
            });
  }

  @Test
  void unknownIdIsEmpty() {
    assertThat(store.get("resp_never_stored_" + UUID.randomUUID())).isEmpty();
  }

  @Test
  void aConversationWithoutItemsIsStillStored() {
    String id = newId();
    store.create(new Conversation(id, List.of()));
    assertThat(store.get(id)).hasValueSatisfying(c -> assertThat(c.items()).isEmpty());
  }

  @Test
  void createWithAnExistingIdFailsAndKeepsTheOriginal() {
    String id = newId();
    store.create(new Conversation(id, List.of(item("user", "first"))));

    assertThatThrownBy(() -> store.create(new Conversation(id, List.of(item("user", "second")))))
        .isInstanceOf(ConversationExistsException.class);
    assertThat(store.get(id).orElseThrow().items()).containsExactly(item("user", "first"));
  }

  @Test
  void appendAddsAtTheEnd() {
    String id = newId();
    store.create(new Conversation(id, List.of(item("user", "1"))));

    assertThat(store.append(id, List.of(item("assistant", "2"), item("user", "3")))).isTrue();
    assertThat(store.append(id, List.of(item("assistant", "4")))).isTrue();

    assertThat(store.get(id).orElseThrow().items())
        .containsExactly(
            item("user", "1"), item("assistant", "2"), item("user", "3"), item("assistant", "4"));
  }

  @Test
  void appendToAnUnknownIdChangesNothing() {
    String id = newId();
    long before = store.count();
    assertThat(store.append(id, List.of(item("user", "x")))).isFalse();
    assertThat(store.get(id)).isEmpty();
    assertThat(store.count()).isEqualTo(before);
  }

  @Test
  void deleteRemovesOnce() {
    String id = newId();
    store.create(new Conversation(id, List.of(item("user", "bye"))));

    assertThat(store.delete(id)).isTrue();
    assertThat(store.get(id)).isEmpty();
    assertThat(store.delete(id)).isFalse();
    // The id is free again.
    store.create(new Conversation(id, List.of(item("user", "new"))));
    assertThat(store.get(id).orElseThrow().items()).containsExactly(item("user", "new"));
  }

  @Test
  void countFollowsCreatesAndDeletes() {
    long before = store.count();
    String a = newId();
    String b = newId();
    store.create(new Conversation(a, List.of(item("user", "a"))));
    store.create(new Conversation(b, List.of(item("user", "b"))));
    assertThat(store.count()).isEqualTo(before + 2);
    store.delete(a);
    assertThat(store.count()).isEqualTo(before + 1);
  }

  @Test
  void concurrentAppendsAreAllKept() throws Exception {
    String id = newId();
    store.create(new Conversation(id, List.of()));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  boolean ok = true;
                  for (int i = 0; i < 10; i++) {
                    ok &= store.append(id, List.of(item("user", thread + "-" + i)));
                  }
                  return ok;
                }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
    List<String> items = store.get(id).orElseThrow().items();
    assertThat(items).hasSize(80).doesNotHaveDuplicates();
    // Each writer's own items stay in its order.
    for (int t = 0; t < 8; t++) {
      String prefix = "\"" + t + "-";
      List<String> own = items.stream().filter(i -> i.contains(prefix)).toList();
      for (int i = 0; i < 10; i++) {
        assertThat(own.get(i)).isEqualTo(item("user", t + "-" + i));
      }
    }
  }
}
