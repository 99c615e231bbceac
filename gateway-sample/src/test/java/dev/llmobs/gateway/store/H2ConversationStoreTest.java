package dev.llmobs.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC store on an embedded H2 file database, the default of {@code gateway.store=jdbc}. */
class H2ConversationStoreTest extends ConversationStoreContract {

  @TempDir static Path dir;

  static String url() {
    return "jdbc:h2:file:" + dir.resolve("conversations").toAbsolutePath();
  }

  @Override
  ConversationStore newStore() {
    return new JdbcConversationStore(url());
  }

  @Test
  void conversationsSurviveAReopen() {
    String id = newId();
    store.create(new Conversation(id, List.of(item("user", "persist me"))));
    store.close();

    store = newStore();
    assertThat(store.get(id).orElseThrow().items()).containsExactly(item("user", "persist me"));
  }
}
