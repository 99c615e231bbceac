package dev.llmobs.instrumentation.langchain4j.v1_1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.llmobs.genai.GenAiRequest;
import dev.llmobs.genai.GenAiResponse;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Request and response mapping with LangChain4j's own objects at the oldest supported version. */
class LangChain4jChatTest {

  static final ChatRequest HELLO =
      ChatRequest.builder().messages(UserMessage.from("Say hello")).build();

  @Test
  void theModelsDefaultsAreTheRequestsWhenItSetsNone() {
    OpenAiChatModel model =
        OpenAiChatModel.builder()
            .baseUrl("http://127.0.0.1:8089/v1")
            .apiKey("sk-secret")
            .modelName("gpt-4o-mini")
            .temperature(0.2)
            .topP(0.9)
            .maxTokens(64)
            .seed(7)
            .frequencyPenalty(0.1)
            .presencePenalty(0.3)
            .stop(Arrays.asList("END", "STOP"))
            .build();

    GenAiRequest request = LangChain4jChat.request(model, HELLO, false, 0);

    assertThat(request.operationName()).isEqualTo("chat");
    assertThat(request.providerName()).isEqualTo("openai");
    assertThat(request.requestModel()).isEqualTo("gpt-4o-mini");
    assertThat(request.stream()).isFalse();
    assertThat(request.temperature()).isEqualTo(0.2);
    assertThat(request.topP()).isEqualTo(0.9);
    assertThat(request.maxTokens()).isEqualTo(64L);
    assertThat(request.seed()).isEqualTo(7L);
    assertThat(request.frequencyPenalty()).isEqualTo(0.1);
    assertThat(request.presencePenalty()).isEqualTo(0.3);
    assertThat(request.stopSequences()).containsExactly("END", "STOP");
    assertThat(request.serverAddress()).isEqualTo("127.0.0.1");
    assertThat(request.serverPort()).isEqualTo(8089L);
    assertThat(request.inputMessages()).isNull();
  }

  @Test
  void theRequestsParametersWinOverTheDefaults() {
    OpenAiStreamingChatModel model =
        OpenAiStreamingChatModel.builder()
            .apiKey("sk-secret")
            .modelName("gpt-4o-mini")
            .temperature(0.2)
            .build();
    ChatRequest request =
        ChatRequest.builder()
            .messages(UserMessage.from("hi"))
            .parameters(
                OpenAiChatRequestParameters.builder()
                    .modelName("gpt-4o")
                    .temperature(0.7)
                    .topK(5)
                    .build())
            .build();

    GenAiRequest mapped = LangChain4jChat.request(model, request, true, 0);

    assertThat(mapped.requestModel()).isEqualTo("gpt-4o");
    assertThat(mapped.temperature()).isEqualTo(0.7);
    assertThat(mapped.topK()).isEqualTo(5.0);
    assertThat(mapped.stream()).isTrue();
    // The default base URL of LangChain4j's OpenAI client.
    assertThat(mapped.serverAddress()).isEqualTo("api.openai.com");
    assertThat(mapped.serverPort()).isEqualTo(443L);
  }

  @Test
  void anthropicModelAndServer() {
    AnthropicChatModel model =
        AnthropicChatModel.builder()
            .baseUrl("https://anthropic.example:8443/v1/")
            .apiKey("sk-ant")
            .modelName("claude-sonnet-4-20250514")
            .maxTokens(100)
            .topK(3)
            .build();

    GenAiRequest request = LangChain4jChat.request(model, HELLO, false, 0);

    assertThat(request.providerName()).isEqualTo("anthropic");
    assertThat(request.requestModel()).isEqualTo("claude-sonnet-4-20250514");
    assertThat(request.maxTokens()).isEqualTo(100L);
    assertThat(request.topK()).isEqualTo(3.0);
    assertThat(request.serverAddress()).isEqualTo("anthropic.example");
    assertThat(request.serverPort()).isEqualTo(8443L);
  }

  @Test
  void capturedInputIsTheTextOfEachMessageAndToolResultsAreToolCallResponses() {
    OpenAiChatModel model = OpenAiChatModel.builder().apiKey("k").modelName("m").build();
    ChatRequest request =
        ChatRequest.builder()
            .messages(
                SystemMessage.from("Be brief"),
                UserMessage.from("What is \"2+2\"?"),
                AiMessage.from("4"),
                ToolExecutionResultMessage.from("call_1", "calc", "4.0"))
            .build();

    GenAiRequest mapped = LangChain4jChat.request(model, request, false, 1000);

    assertThat(mapped.inputMessages())
        .isEqualTo(
            "[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"Be brief\"}]},"
                + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":"
                + "\"What is \\\"2+2\\\"?\"}]},"
                + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"4\"}]},"
                + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":"
                + "\"call_1\",\"response\":\"4.0\"}]}]");
  }

  @Test
  void responseIdModelFinishReasonUsageAndCapturedOutput() {
    ChatResponse chatResponse =
        ChatResponse.builder()
            .aiMessage(AiMessage.from("Hello there"))
            .id("chatcmpl-1")
            .modelName("gpt-4o-mini-2024-07-18")
            .finishReason(FinishReason.STOP)
            .tokenUsage(new TokenUsage(21, 7))
            .build();

    GenAiResponse response = LangChain4jChat.response(chatResponse, 1000);

    assertThat(response.responseId()).isEqualTo("chatcmpl-1");
    assertThat(response.responseModel()).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(response.finishReasons()).containsExactly("stop");
    assertThat(response.inputTokens()).isEqualTo(21L);
    assertThat(response.outputTokens()).isEqualTo(7L);
    assertThat(response.outputMessages())
        .isEqualTo(
            "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Hello there\"}],"
                + "\"finish_reason\":\"stop\"}]");
    assertThat(LangChain4jChat.response(chatResponse, 0).outputMessages()).isNull();
  }

  @Test
  void finishReasonsInTheConventionsVocabulary() {
    assertThat(LangChain4jChat.finishReason(FinishReason.STOP)).isEqualTo("stop");
    assertThat(LangChain4jChat.finishReason(FinishReason.LENGTH)).isEqualTo("length");
    assertThat(LangChain4jChat.finishReason(FinishReason.TOOL_EXECUTION)).isEqualTo("tool_call");
    assertThat(LangChain4jChat.finishReason(FinishReason.CONTENT_FILTER))
        .isEqualTo("content_filter");
    assertThat(LangChain4jChat.finishReason(FinishReason.OTHER)).isEqualTo("other");
    assertThat(LangChain4jChat.finishReason(null)).isNull();
  }

  @Test
  void aResponseWithoutMetadataDetailsHasNone() {
    GenAiResponse response =
        LangChain4jChat.response(ChatResponse.builder().aiMessage(AiMessage.from("x")).build(), 0);
    assertThat(response.responseId()).isNull();
    assertThat(response.finishReasons()).isNull();
    assertThat(response.inputTokens()).isNull();
    assertThat(Collections.singletonList(response.outputMessages())).containsOnlyNulls();
  }
}
