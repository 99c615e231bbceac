package dev.llmobs.genai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GenAiStringsTest {

  @Test
  void shortStringsAreKept() {
    assertThat(GenAiStrings.cap("gpt-4o")).isEqualTo("gpt-4o");
    assertThat(GenAiStrings.cap((String) null)).isNull();
  }

  @Test
  void longStringsAreCutAndMarked() {
    String capped = GenAiStrings.cap(new String(new char[300]).replace('\0', 'a'));
    assertThat(capped).hasSize(GenAiStrings.MAX_LENGTH).endsWith(GenAiStrings.TRUNCATED);
  }

  @Test
  void aSurrogatePairIsNeverSplit() {
    StringBuilder value = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      value.append("\uD83D\uDE00");
    }
    String capped = GenAiStrings.cap(value.toString());
    String kept = capped.substring(0, capped.length() - GenAiStrings.TRUNCATED.length());
    assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
  }

  @Test
  void listsAreCappedElementWise() {
    assertThat(GenAiStrings.cap(Arrays.asList("a", new String(new char[400]))))
        .hasSize(2)
        .allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(GenAiStrings.MAX_LENGTH));
  }

  @Test
  void logValuesCannotBreakTheLine() {
    assertThat(GenAiStrings.forLog("gpt-4o\r\n[main] WARN forged\u2028\u0000"))
        .isEqualTo("gpt-4o\\r\\n[main] WARN forged\\u2028\\u0000");
    assertThat(GenAiStrings.forLog(null)).isEqualTo("null");
  }
}
