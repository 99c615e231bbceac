package dev.llmobs.gateway.api;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

class ResponsesOnH2StoreTest extends ResponsesRoundTripContract {

  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    startGateway(
        Map.of(
            "gateway.store",
            "jdbc",
            "gateway.store.url",
            "jdbc:h2:file:" + dir.resolve("gateway").toAbsolutePath()));
  }
}
