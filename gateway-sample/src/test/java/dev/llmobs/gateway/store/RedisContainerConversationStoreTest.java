package dev.llmobs.gateway.store;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The Redis store on a throw-away Redis container; skipped when there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
class RedisContainerConversationStoreTest extends ConversationStoreContract {

  @Container
  static final GenericContainer<?> REDIS =
      new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);

  @Override
  ConversationStore newStore() {
    return new RedisConversationStore(
        "redis://" + REDIS.getHost() + ":" + REDIS.getMappedPort(6379));
  }
}
