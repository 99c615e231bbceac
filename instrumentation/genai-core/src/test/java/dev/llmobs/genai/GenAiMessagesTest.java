package dev.llmobs.genai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GenAiMessagesTest {

  @Test
  void semanticConventionShapeWithEscaping() {
    String json =
        new GenAiMessages()
            .add("user", "Say \"hi\"\nplease", null)
            .add("assistant", "hi", "stop")
            .toJson(10_000);
    assertThat(json)
        .isEqualTo(
            "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Say \\\"hi\\\"\\nplease\"}]},"
                + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"hi\"}],"
                + "\"finish_reason\":\"stop\"}]");
  }

  @Test
  void longTextIsCutAndMarkedAndStaysWithinTheLimit() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      text.append("word ");
    }
    String json = new GenAiMessages().add("user", text.toString(), null).toJson(200);
    assertThat(json.length()).isLessThanOrEqualTo(200);
    assertThat(json).startsWith("[{\"role\":\"user\"").endsWith("...[truncated]\"}]}]");
  }

  @Test
  void messagesThatDoNotFitAreLeftOutKeepingValidJson() {
    String json =
        new GenAiMessages().add("user", "first", null).add("user", "second", null).toJson(75);
    assertThat(json.length()).isLessThanOrEqualTo(75);
    assertThat(json).contains("first");
    assertThat(json).startsWith("[{").endsWith("}]");
    assertThat(json).doesNotContain("second");
  }

  @Test
  void messageWithoutTextHasNoParts() {
    assertThat(new GenAiMessages().add("assistant", null, "tool_calls").toJson(1000))
        .isEqualTo("[{\"role\":\"assistant\",\"parts\":[],\"finish_reason\":\"tool_calls\"}]");
  }
}
