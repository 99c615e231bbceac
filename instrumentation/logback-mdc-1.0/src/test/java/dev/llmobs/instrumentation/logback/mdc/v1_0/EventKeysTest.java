package dev.llmobs.instrumentation.logback.mdc.v1_0;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventKeysTest {

  @Test
  void theMergedMapIsMadeOncePerMdcMapAndTheApplicationsValuesWin() {
    Map<String, String> genAi = new HashMap<>();
    genAi.put("gen_ai.request.model", "gpt-4o");
    genAi.put("gen_ai.provider.name", "openai");
    LogbackGenAiMdc.EventKeys keys = new LogbackGenAiMdc.EventKeys(null, genAi);
    Map<String, String> mdc = new HashMap<>();
    mdc.put("gen_ai.request.model", "the application's");
    mdc.put("request_id", "r-1");

    Map<String, String> merged = keys.mergedWith(mdc);
    assertThat(merged)
        .containsEntry("gen_ai.request.model", "the application's")
        .containsEntry("gen_ai.provider.name", "openai")
        .containsEntry("request_id", "r-1")
        .hasSize(3);
    assertThat(keys.mergedWith(mdc)).isSameAs(merged);
    assertThat(mdc).hasSize(2);

    Map<String, String> other = new HashMap<>();
    assertThat(keys.mergedWith(other)).isNotSameAs(merged).isEqualTo(genAi);
    assertThat(keys.mergedWith(null)).isEqualTo(genAi);
  }
}
