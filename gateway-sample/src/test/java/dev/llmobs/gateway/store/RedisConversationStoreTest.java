package dev.llmobs.gateway.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;

/** The Redis store on the machine's Redis; skipped, with the reason, when it is not there. */
class RedisConversationStoreTest extends ConversationStoreContract {

  // Our own key prefix, so counts are not disturbed by anything else in that Redis.
  static final String PREFIX = "llmobs-test:" + UUID.randomUUID() + ":";

  @BeforeAll
  static void requireRedis() {
    Optional<String> unavailable = TestDatabases.redisUnavailable();
    assumeTrue(unavailable.isEmpty(), unavailable.orElse(""));
  }

  @Override
  ConversationStore newStore() {
    return new RedisConversationStore(TestDatabases.REDIS_URL, PREFIX);
  }
}
