package dev.llmobs.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmobs.genai.LlmobsVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class LlmobsVersionLoggerTest {

  @Test
  void lineNamesBothVersions() {
    assertThat(LlmobsVersionLogger.versionLine("2.31.1"))
        .isEqualTo("llmobs " + LlmobsVersion.VERSION + " (upstream agent 2.31.1)");
  }

  @Test
  void upstreamVersionIsUnknownWithoutTheAgent() {
    // No agent jar on this test's class path; the integration tests check it under real agents.
    assertThat(LlmobsVersionLogger.upstreamAgentVersion()).isEqualTo(LlmobsVersionLogger.UNKNOWN);
  }

  @Test
  void logsOneInfoLineAfterTheAgentStarted() {
    Logger logger = Logger.getLogger(LlmobsVersionLogger.class.getName());
    List<LogRecord> records = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    try {
      new LlmobsVersionLogger().afterAgent(null);
    } finally {
      logger.removeHandler(handler);
    }

    assertThat(records).hasSize(1);
    assertThat(records.get(0).getLevel()).isEqualTo(Level.INFO);
    assertThat(records.get(0).getMessage())
        .isEqualTo("llmobs " + LlmobsVersion.VERSION + " (upstream agent unknown)");
  }
}
