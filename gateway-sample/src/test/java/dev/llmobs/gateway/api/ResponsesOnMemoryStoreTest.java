package dev.llmobs.gateway.api;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

class ResponsesOnMemoryStoreTest extends ResponsesRoundTripContract {
  @BeforeAll
  static void start() {
    startGateway(Map.of());
  }
}
