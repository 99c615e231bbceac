package dev.llmobs.gateway.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;

/** The JDBC store on the machine's PostgreSQL; skipped, with the reason, when it is not there. */
class PostgresConversationStoreTest extends ConversationStoreContract {

  @BeforeAll
  static void requirePostgres() {
    Optional<String> unavailable = TestDatabases.postgresUnavailable();
    assumeTrue(unavailable.isEmpty(), unavailable.orElse(""));
  }

  @Override
  ConversationStore newStore() {
    return new JdbcConversationStore(TestDatabases.POSTGRES_URL);
  }
}
