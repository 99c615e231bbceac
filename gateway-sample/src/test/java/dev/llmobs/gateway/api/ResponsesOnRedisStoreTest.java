package dev.llmobs.gateway.api;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.llmobs.gateway.store.TestDatabases;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;

/** Skipped, with the reason, when the machine's Redis is not reachable. */
class ResponsesOnRedisStoreTest extends ResponsesRoundTripContract {
  @BeforeAll
  static void start() {
    Optional<String> unavailable = TestDatabases.redisUnavailable();
    assumeTrue(unavailable.isEmpty(), unavailable.orElse(""));
    startGateway(Map.of("gateway.store", "redis", "gateway.store.url", TestDatabases.REDIS_URL));
  }
}
