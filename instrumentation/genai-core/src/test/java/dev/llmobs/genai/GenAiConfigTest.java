package dev.llmobs.genai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenAiConfigTest {

  private static GenAiConfig config(String key, String value) {
    Map<String, String> values = new HashMap<>();
    values.put(GenAiConfig.PREFIX + key, value);
    return new GenAiConfig(values::get);
  }

  @Test
  void defaultsWhenUnset() {
    GenAiConfig config = new GenAiConfig(name -> null);
    assertThat(config.captureMessageContent()).isFalse();
    assertThat(config.captureMessageContentMaxLength()).isEqualTo(8192);
  }

  @Test
  void readsSetValues() {
    assertThat(config("capture-message-content", "TRUE").captureMessageContent()).isTrue();
    assertThat(config("capture-message-content.max-length", "100").captureMessageContentMaxLength())
        .isEqualTo(100);
  }

  @Test
  void badValuesFallBackToDefaults() {
    assertThat(config("capture-message-content", "yes please").captureMessageContent()).isFalse();
    assertThat(config("capture-message-content.max-length", "-3").captureMessageContentMaxLength())
        .isEqualTo(8192);
    assertThat(
            new GenAiConfig(
                    name -> {
                      throw new IllegalStateException("broken source");
                    })
                .captureMessageContent())
        .isFalse();
  }
}
