package dev.llmobs.instrumentation.googlegenai;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.genai.ResponseStream;
import com.google.genai.types.GenerateContentResponse;
import org.junit.jupiter.api.Test;

/**
 * Runs in a JVM of its own with {@code otel.instrumentation.llmobs-google-genai.enabled=false} (see
 * the surefire execution "module-disabled"): the SDK works as before and no span appears.
 */
class GeminiModuleDisabledTest extends GeminiAgentTest {

  @Test
  void noSpanWhenTheModuleIsOff() throws Exception {
    server.enqueue(FakeGemini.json(FakeGemini.hello("resp-off", "gemini-2.0-flash")));
    server.enqueue(
        FakeGemini.sse(
            FakeGemini.response(
                "resp-off", "gemini-2.0-flash", FakeGemini.candidate("x", "STOP"), null)));
    server.enqueue(FakeGemini.json(FakeGemini.hello("resp-off", "gemini-2.0-flash")));

    assertThat(client.models.generateContent("gemini-2.0-flash", "Hi", null).text())
        .isEqualTo("Hello there");
    try (ResponseStream<GenerateContentResponse> stream =
        client.models.generateContentStream("gemini-2.0-flash", "Hi", null)) {
      stream.forEach(chunk -> {});
    }
    assertThat(client.async.models.generateContent("gemini-2.0-flash", "Hi", null).join().text())
        .isEqualTo("Hello there");

    Thread.sleep(500);
    assertThat(testing.spans()).isEmpty();
  }
}
