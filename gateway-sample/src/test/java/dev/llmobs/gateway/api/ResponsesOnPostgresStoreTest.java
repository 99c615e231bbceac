package dev.llmobs.gateway.api;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.llmobs.gateway.store.TestDatabases;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;

/** Skipped, with the reason, when the machine's PostgreSQL is not reachable. */
class ResponsesOnPostgresStoreTest extends ResponsesRoundTripContract {
  @BeforeAll
  static void start() {
    Optional<String> unavailable = TestDatabases.postgresUnavailable();
    assumeTrue(unavailable.isEmpty(), unavailable.orElse(""));
    startGateway(Map.of("gateway.store", "jdbc", "gateway.store.url", TestDatabases.POSTGRES_URL));
  }
}
