package dev.llmobs.instrumentation.googlegenai.v1_18;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.genai.Client;
import com.google.genai.types.Content;
import com.google.genai.types.EmbedContentResponse;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.Part;
import dev.llmobs.genai.GenAiRequest;
import dev.llmobs.genai.GenAiResponse;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * The mapping of google-genai types, on the oldest supported SDK (what this module compiles on).
 */
class GoogleGenAiMappingTest {

  static GenerateContentResponse response(String json) {
    return GenerateContentResponse.fromJson(json);
  }

  static String candidate(String parts, String finishReason) {
    return "{\"content\":{\"role\":\"model\",\"parts\":["
        + parts
        + "]}"
        + (finishReason == null ? "" : ",\"finishReason\":\"" + finishReason + "\"")
        + "}";
  }

  static Object apiClient(Client client) throws Exception {
    Field field = client.models.getClass().getDeclaredField("apiClient");
    field.setAccessible(true);
    return field.get(client.models);
  }

  @Test
  void usageCountsThoughtsAsOutputAndCachedContentAsPartOfInput() {
    GenAiResponse response =
        GoogleGenAiResponses.chat(
            response(
                "{\"responseId\":\"r1\",\"modelVersion\":\"gemini-2.5-flash\",\"candidates\":["
                    + candidate("{\"text\":\"hi\"}", "STOP")
                    + "],\"usageMetadata\":{\"promptTokenCount\":1000,"
                    + "\"cachedContentTokenCount\":200,\"candidatesTokenCount\":300,"
                    + "\"thoughtsTokenCount\":120,\"totalTokenCount\":1420}}"),
            0);

    assertThat(response.responseId()).isEqualTo("r1");
    assertThat(response.responseModel()).isEqualTo("gemini-2.5-flash");
    assertThat(response.finishReasons()).containsExactly("stop");
    assertThat(response.inputTokens()).isEqualTo(1000L);
    assertThat(response.cacheReadInputTokens()).isEqualTo(200L);
    assertThat(response.outputTokens()).isEqualTo(420L);
    assertThat(response.reasoningOutputTokens()).isEqualTo(120L);
    assertThat(response.outputMessages()).isNull();
  }

  @Test
  void toolUsePromptTokensAreInput() {
    GenAiResponse response =
        GoogleGenAiResponses.chat(
            response(
                "{\"usageMetadata\":{\"promptTokenCount\":10,\"toolUsePromptTokenCount\":5,"
                    + "\"candidatesTokenCount\":3,\"totalTokenCount\":18}}"),
            0);
    assertThat(response.inputTokens()).isEqualTo(15L);
    assertThat(response.outputTokens()).isEqualTo(3L);
    assertThat(response.reasoningOutputTokens()).isNull();
    assertThat(response.cacheReadInputTokens()).isNull();
  }

  @Test
  void finishReasonsInTheSemconvVocabulary() {
    GenAiResponse response =
        GoogleGenAiResponses.chat(
            response(
                "{\"candidates\":["
                    + candidate("{\"text\":\"a\"}", "STOP")
                    + ","
                    + candidate("{\"functionCall\":{\"name\":\"f\",\"args\":{}}}", "STOP")
                    + ","
                    + candidate("{\"text\":\"b\"}", "MAX_TOKENS")
                    + ","
                    + candidate("", "SAFETY")
                    + ","
                    + candidate("", "PROHIBITED_CONTENT")
                    + ","
                    + candidate("", "MALFORMED_FUNCTION_CALL")
                    + ","
                    + candidate("", "OTHER")
                    + ","
                    + candidate("", "SOMETHING_NEW")
                    + ","
                    + candidate("{\"text\":\"no reason yet\"}", null)
                    + "]}"),
            0);
    assertThat(response.finishReasons())
        .containsExactly(
            "stop",
            "tool_call",
            "length",
            "content_filter",
            "content_filter",
            "error",
            "error",
            "something_new");
  }

  @Test
  void aBlockedPromptIsContentFiltered() {
    GenAiResponse response =
        GoogleGenAiResponses.chat(
            response(
                "{\"promptFeedback\":{\"blockReason\":\"SAFETY\"},"
                    + "\"usageMetadata\":{\"promptTokenCount\":7,\"totalTokenCount\":7}}"),
            0);
    assertThat(response.finishReasons()).containsExactly("content_filter");
    assertThat(response.inputTokens()).isEqualTo(7L);
    assertThat(response.outputTokens()).isNull();
  }

  @Test
  void outputTextIsCapturedWithoutThoughts() {
    GenAiResponse response =
        GoogleGenAiResponses.chat(
            response(
                "{\"candidates\":["
                    + candidate(
                        "{\"text\":\"thinking...\",\"thought\":true},{\"text\":\"Hello\"}", "STOP")
                    + "]}"),
            400);
    assertThat(response.outputMessages())
        .isEqualTo(
            "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Hello\"}],"
                + "\"finish_reason\":\"stop\"}]");
  }

  @Test
  void requestParametersAsTheCallerWroteThem() throws Exception {
    try (Client client =
        Client.builder()
            .apiKey("test-key")
            .httpOptions(HttpOptions.builder().baseUrl("https://gemini.example:8443/").build())
            .build()) {
      GenerateContentConfig config =
          GenerateContentConfig.builder()
              .temperature(0.7f)
              .topP(0.95f)
              .topK(40f)
              .maxOutputTokens(256)
              .stopSequences(Arrays.asList("END"))
              .candidateCount(2)
              .seed(42)
              .presencePenalty(0.5f)
              .frequencyPenalty(0.25f)
              .systemInstruction(Content.fromParts(Part.fromText("Be brief.")))
              .build();

      GenAiRequest request =
          GoogleGenAiRequests.chat(
              apiClient(client),
              "models/gemini-2.5-flash",
              Arrays.asList(
                  Content.builder().role("user").parts(Part.fromText("Hi")).build(),
                  Content.builder().role("model").parts(Part.fromText("Hello")).build()),
              config,
              false,
              400);

      assertThat(request.operationName()).isEqualTo("chat");
      assertThat(request.providerName()).isEqualTo("gcp.gemini");
      assertThat(request.requestModel()).isEqualTo("gemini-2.5-flash");
      assertThat(request.temperature()).isEqualTo(0.7);
      assertThat(request.topP()).isEqualTo(0.95);
      assertThat(request.topK()).isEqualTo(40.0);
      assertThat(request.maxTokens()).isEqualTo(256L);
      assertThat(request.stopSequences()).containsExactly("END");
      assertThat(request.choiceCount()).isEqualTo(2L);
      assertThat(request.seed()).isEqualTo(42L);
      assertThat(request.presencePenalty()).isEqualTo(0.5);
      assertThat(request.frequencyPenalty()).isEqualTo(0.25);
      assertThat(request.serverAddress()).isEqualTo("gemini.example");
      assertThat(request.serverPort()).isEqualTo(8443L);
      assertThat(request.inputMessages())
          .isEqualTo(
              "[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"Be brief.\"}]},"
                  + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Hi\"}]},"
                  + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":"
                  + "\"Hello\"}]}]");
    }
  }

  @Test
  void vertexModeAndAPerRequestBaseUrl() throws Exception {
    try (Client client =
        Client.builder()
            .vertexAI(true)
            .apiKey("test-key")
            .httpOptions(HttpOptions.builder().baseUrl("https://vertex.example").build())
            .build()) {
      GenAiRequest fromClient =
          GoogleGenAiRequests.chat(apiClient(client), "gemini-2.0-flash", "Hi", null, true, 0);
      assertThat(fromClient.providerName()).isEqualTo("gcp.vertex_ai");
      assertThat(fromClient.serverAddress()).isEqualTo("vertex.example");
      assertThat(fromClient.serverPort()).isEqualTo(443L);
      assertThat(fromClient.stream()).isTrue();
      assertThat(fromClient.inputMessages()).isNull();

      GenAiRequest perRequest =
          GoogleGenAiRequests.embeddings(
              apiClient(client),
              "publishers/google/models/gemini-embedding-001",
              com.google.genai.types.EmbedContentConfig.builder()
                  .outputDimensionality(768)
                  .httpOptions(HttpOptions.builder().baseUrl("http://proxy.local:8080").build())
                  .build());
      assertThat(perRequest.operationName()).isEqualTo("embeddings");
      assertThat(perRequest.requestModel()).isEqualTo("gemini-embedding-001");
      assertThat(perRequest.dimensionCount()).isEqualTo(768L);
      assertThat(perRequest.serverAddress()).isEqualTo("proxy.local");
      assertThat(perRequest.serverPort()).isEqualTo(8080L);
    }
  }

  @Test
  void embeddingTokensAreSummedWhenReported() {
    GenAiResponse vertex =
        GoogleGenAiResponses.embeddings(
            EmbedContentResponse.fromJson(
                "{\"embeddings\":[{\"values\":[0.1],\"statistics\":{\"tokenCount\":7}},"
                    + "{\"values\":[0.2],\"statistics\":{\"tokenCount\":5}}]}"));
    assertThat(vertex.inputTokens()).isEqualTo(12L);

    GenAiResponse gemini =
        GoogleGenAiResponses.embeddings(
            EmbedContentResponse.fromJson("{\"embeddings\":[{\"values\":[0.1,0.2]}]}"));
    assertThat(gemini.inputTokens()).isNull();
  }

  @Test
  void streamAccumulatesTextFinishReasonAndTheLatestUsage() {
    GoogleGenAiStreamAccumulator stream = new GoogleGenAiStreamAccumulator(400);
    assertThat(
            stream.accept(
                response(
                    "{\"responseId\":\"s1\",\"modelVersion\":\"gemini-2.0-flash\",\"candidates\":["
                        + candidate("{\"text\":\"Hel\"}", null)
                        + "],\"usageMetadata\":{\"promptTokenCount\":9}}")))
        .isTrue();
    assertThat(
            stream.accept(
                response(
                    "{\"responseId\":\"s1\",\"candidates\":["
                        + candidate("{\"text\":\"lo\"}", "STOP")
                        + "],\"usageMetadata\":{\"promptTokenCount\":9,"
                        + "\"candidatesTokenCount\":2,\"totalTokenCount\":11}}")))
        .isTrue();
    assertThat(
            stream.accept(
                response("{\"usageMetadata\":{\"promptTokenCount\":9,\"totalTokenCount\":9}}")))
        .isFalse();

    GenAiResponse response = stream.response();
    assertThat(response.responseId()).isEqualTo("s1");
    assertThat(response.responseModel()).isEqualTo("gemini-2.0-flash");
    assertThat(response.finishReasons()).isEqualTo(Collections.singletonList("stop"));
    assertThat(response.inputTokens()).isEqualTo(9L);
    assertThat(response.outputTokens()).isNull();
    assertThat(response.outputMessages())
        .isEqualTo(
            "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Hello\"}],"
                + "\"finish_reason\":\"stop\"}]");
  }
}
