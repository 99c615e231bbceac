package dev.llmobs.gateway.store;

import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The JDBC store on a throw-away PostgreSQL container; skipped when there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
class PostgresContainerConversationStoreTest extends ConversationStoreContract {

  @Container
  static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:16-alpine");

  @Override
  ConversationStore newStore() {
    return new JdbcConversationStore(
        POSTGRES.getJdbcUrl()
            + "&user="
            + POSTGRES.getUsername()
            + "&password="
            + POSTGRES.getPassword());
  }
}
