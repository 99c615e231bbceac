package dev.llmobs.genai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenAiRequestTest {

  private static GenAiRequest request() {
    return new GenAiRequest("chat", "openai");
  }

  @Test
  void serverFromUrlWithExplicitPort() {
    GenAiRequest r = request().serverFromUrl("http://127.0.0.1:8081/v1");
    assertThat(r.serverAddress()).isEqualTo("127.0.0.1");
    assertThat(r.serverPort()).isEqualTo(8081L);
  }

  @Test
  void serverFromUrlDefaultsPortByScheme() {
    assertThat(request().serverFromUrl("https://api.openai.com/v1").serverPort()).isEqualTo(443L);
    assertThat(request().serverFromUrl("http://localhost/v1").serverPort()).isEqualTo(80L);
  }

  @Test
  void unparsableUrlRecordsNothing() {
    GenAiRequest r = request().serverFromUrl("not a url ::");
    assertThat(r.serverAddress()).isNull();
    assertThat(r.serverPort()).isNull();
  }

  @Test
  void logContextAddsKnownValuesAndKeepsTheApplicationsOwn() {
    Map<String, String> mdc = new HashMap<>();
    mdc.put("gen_ai.request.model", "set-by-app");
    mdc.put("user", "u1");
    request().requestModel("gpt-4o").addLogContext(mdc);
    assertThat(mdc)
        .containsOnly(
            entry("gen_ai.provider.name", "openai"),
            entry("gen_ai.request.model", "set-by-app"),
            entry("user", "u1"));

    Map<String, String> withConversation = new HashMap<>();
    request().requestModel("gpt-4o").conversationId("conv_1").addLogContext(withConversation);
    assertThat(withConversation)
        .containsOnly(
            entry("gen_ai.provider.name", "openai"),
            entry("gen_ai.request.model", "gpt-4o"),
            entry("gen_ai.conversation.id", "conv_1"));
  }
}
