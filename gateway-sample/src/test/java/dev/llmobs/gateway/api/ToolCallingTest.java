package dev.llmobs.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.llmobs.gateway.RunningGateway;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A two-step tool loop through the gateway with openai-java as the client, for a model of each
 * provider, plain and streamed: the model asks for the tool, the client answers with its result,
 * the model answers in text that mentions it.
 */
class ToolCallingTest {

  static final String RESULT = "22 degrees and sunny";

  static RunningGateway gateway;
  static OpenAIClient client;

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start();
    client =
        OpenAIOkHttpClient.builder()
            .baseUrl("http://127.0.0.1:" + gateway.port() + "/v1")
            .apiKey("test-key")
            .maxRetries(0)
            .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    gateway.close();
  }

  static ChatCompletionFunctionTool weatherTool() {
    return ChatCompletionFunctionTool.builder()
        .function(
            FunctionDefinition.builder()
                .name("get_weather")
                .description("The current weather in a city")
                .parameters(
                    FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty(
                            "properties",
                            JsonValue.from(
                                Map.of(
                                    "city",
                                    Map.of("type", "string"),
                                    "unit",
                                    Map.of("type", "string", "enum", List.of("celsius", "kelvin")),
                                    "days",
                                    Map.of("type", "integer"))))
                        .putAdditionalProperty("required", JsonValue.from(List.of("city", "unit")))
                        .build())
                .build())
        .build();
  }

  @ParameterizedTest
  @CsvSource({
    "gpt-4o-mini, false",
    "gpt-4o-mini, true",
    "claude-haiku-4-5, false",
    "claude-haiku-4-5, true",
    "gemini-2.5-flash, false",
    "gemini-2.5-flash, true"
  })
  void twoStepToolLoop(String model, boolean stream) throws Exception {
    ChatCompletionCreateParams first =
        ChatCompletionCreateParams.builder()
            .model(model)
            .addSystemMessage("Use the tools.")
            .addUserMessage("What is the weather in Paris?")
            .addTool(weatherTool())
            .build();

    ChatCompletion asked = call(first, stream);

    ChatCompletion.Choice choice = asked.choices().get(0);
    assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
    assertThat(choice.message().toolCalls()).hasValueSatisfying(c -> assertThat(c).hasSize(1));
    ChatCompletionMessageFunctionToolCall toolCall =
        choice.message().toolCalls().get().get(0).asFunction();
    assertThat(toolCall.id()).isNotBlank();
    assertThat(toolCall.function().name()).isEqualTo("get_weather");
    JsonNode arguments = RunningGateway.JSON.readTree(toolCall.function().arguments());
    // Required properties only, enums take their first value.
    assertThat(arguments.path("city").asText()).isNotBlank();
    assertThat(arguments.path("unit").asText()).isEqualTo("celsius");
    assertThat(arguments.has("days")).isFalse();

    ChatCompletionCreateParams second =
        first.toBuilder()
            .addMessage(choice.message())
            .addMessage(
                ChatCompletionToolMessageParam.builder()
                    .toolCallId(toolCall.id())
                    .content(RESULT)
                    .build())
            .build();

    ChatCompletion answered = call(second, stream);

    ChatCompletion.Choice last = answered.choices().get(0);
    assertThat(last.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    assertThat(last.message().toolCalls().orElse(List.of())).isEmpty();
    assertThat(last.message().content()).hasValueSatisfying(t -> assertThat(t).contains(RESULT));
  }

  static ChatCompletion call(ChatCompletionCreateParams params, boolean stream) {
    if (!stream) {
      return client.chat().completions().create(params);
    }
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    try (StreamResponse<ChatCompletionChunk> chunks =
        client.chat().completions().createStreaming(params)) {
      chunks.stream().forEach(accumulator::accumulate);
    }
    return accumulator.chatCompletion();
  }

  @Test
  void responsesApiToolLoopWithPreviousResponseId() throws Exception {
    String tools =
        "\"tools\":[{\"type\":\"function\",\"name\":\"get_weather\",\"parameters\":"
            + "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
            + "\"required\":[\"city\"]}}]";
    JsonNode asked =
        RunningGateway.json(
            gateway.post(
                "/v1/responses",
                "{\"model\":\"gpt-4o-mini\",\"input\":\"Weather in Paris?\"," + tools + "}"));
    JsonNode call = asked.path("output").get(0);
    assertThat(call.path("type").asText()).isEqualTo("function_call");
    assertThat(call.path("name").asText()).isEqualTo("get_weather");
    assertThat(RunningGateway.JSON.readTree(call.path("arguments").asText()).path("city").asText())
        .isNotBlank();

    JsonNode answered =
        RunningGateway.json(
            gateway.post(
                "/v1/responses",
                "{\"model\":\"gpt-4o-mini\",\"previous_response_id\":\""
                    + asked.path("id").asText()
                    + "\",\"input\":[{\"type\":\"function_call_output\",\"call_id\":\""
                    + call.path("call_id").asText()
                    + "\",\"output\":\""
                    + RESULT
                    + "\"}],"
                    + tools
                    + "}"));
    JsonNode message = answered.path("output").get(0);
    assertThat(message.path("type").asText()).isEqualTo("message");
    assertThat(message.path("content").get(0).path("text").asText()).contains(RESULT);

    List<String> streamed =
        RunningGateway.events(
                gateway.post(
                    "/v1/responses",
                    "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"input\":\"Weather?\","
                        + tools
                        + "}"))
            .stream()
            .map(RunningGateway.SseEvent::event)
            .toList();
    assertThat(streamed)
        .contains(
            "response.function_call_arguments.delta",
            "response.function_call_arguments.done",
            "response.completed");
  }

  @Test
  void simToolsOffAnswersInTextAndToolChoiceNoneToo() {
    String body =
        "{\"model\":\"claude-haiku-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
            + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":"
            + "{\"type\":\"object\"}}}]";
    HttpResponse<String> off =
        gateway.post("/v1/chat/completions", body + "}", "x-sim-tools", "off");
    assertThat(RunningGateway.json(off).path("choices").get(0).path("finish_reason").asText())
        .isEqualTo("stop");
    HttpResponse<String> none =
        gateway.post("/v1/chat/completions", body + ",\"tool_choice\":\"none\"}");
    assertThat(RunningGateway.json(none).path("choices").get(0).path("finish_reason").asText())
        .isEqualTo("stop");
  }

  @Test
  void badToolPartsAre400() {
    for (String model : List.of("claude-haiku-4-5", "gemini-2.5-flash")) {
      for (String extra :
          List.of(
              ",\"tools\":[{\"type\":\"function\"}]",
              ",\"tools\":{}",
              ",\"tool_choice\":\"sometimes\"")) {
        HttpResponse<String> response =
            gateway.post(
                "/v1/chat/completions",
                "{\"model\":\""
                    + model
                    + "\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]"
                    + extra
                    + "}");
        assertThat(response.statusCode()).as(model + extra).isEqualTo(400);
        RunningGateway.error(response);
      }
      HttpResponse<String> orphan =
          gateway.post(
              "/v1/chat/completions",
              "{\"model\":\""
                  + model
                  + "\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"},"
                  + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
                  + "\"function\":{\"name\":\"f\",\"arguments\":\"not json\"}}]}]}");
      assertThat(orphan.statusCode()).as(model).isEqualTo(400);
    }
  }
}
