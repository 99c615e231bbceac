package dev.llmobs.genai;

import static org.assertj.core.api.Assertions.assertThat;

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
  void clientControlledStringsAreCapped() {
    String huge = new String(new char[10_000]).replace('\0', 'm');
    GenAiRequest r = request().requestModel(huge).conversationId(huge);
    assertThat(r.requestModel()).hasSize(GenAiStrings.MAX_LENGTH).endsWith(GenAiStrings.TRUNCATED);
    assertThat(r.conversationId()).hasSize(GenAiStrings.MAX_LENGTH);
    assertThat(request().requestModel("gpt-4o").requestModel()).isEqualTo("gpt-4o");
  }
}
