package dev.llmobs.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheKeyTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static CacheKey chat(String json, Map<String, String> headers) throws Exception {
    return CacheKey.of("chat", (ObjectNode) JSON.readTree(json), headers);
  }

  @Test
  void keyOrderNumberFormAndIrrelevantFieldsDoNotMatter() throws Exception {
    CacheKey one =
        chat(
            "{\"model\":\"gpt-4o\",\"temperature\":1,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"hi\"}],\"user\":\"alice\",\"stream\":false}",
            Map.of());
    CacheKey same =
        chat(
            "{\"messages\":[{\"content\":\"hi\",\"role\":\"user\"}],\"temperature\":1.0,"
                + "\"model\":\"gpt-4o\",\"user\":\"bob\",\"metadata\":{\"a\":\"b\"}}",
            Map.of());
    assertThat(same).isEqualTo(one).hasSameHashCodeAs(one);
  }

  @Test
  void whatChangesTheAnswerChangesTheKey() throws Exception {
    String base = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
    CacheKey key = chat(base + "}", Map.of());
    assertThat(chat(base.replace("hi", "ho") + "}", Map.of())).isNotEqualTo(key);
    assertThat(chat(base.replace("gpt-4o", "gpt-4o-mini") + "}", Map.of())).isNotEqualTo(key);
    assertThat(chat(base + ",\"temperature\":0.2}", Map.of())).isNotEqualTo(key);
    assertThat(chat(base + "}", Map.of("x-sim-usage", "input=1"))).isNotEqualTo(key);
    assertThat(CacheKey.of("embeddings", (ObjectNode) JSON.readTree(base + "}"), Map.of()))
        .isNotEqualTo(key);
    // Array order is meaning: message order matters.
    assertThat(
            chat(
                "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"a\"},"
                    + "{\"role\":\"user\",\"content\":\"b\"}]}",
                Map.of()))
        .isNotEqualTo(
            chat(
                "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"b\"},"
                    + "{\"role\":\"user\",\"content\":\"a\"}]}",
                Map.of()));
  }

  @Test
  void theKeyShowsNoContent() throws Exception {
    CacheKey key =
        chat(
            "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"secret\"}]}",
            Map.of());
    assertThat(key.toString()).startsWith("CacheKey[chat sha256:").doesNotContain("secret");
    assertThat(key.operation()).isEqualTo("chat");
    assertThat(key.model()).isEqualTo("gpt-4o");
  }
}
