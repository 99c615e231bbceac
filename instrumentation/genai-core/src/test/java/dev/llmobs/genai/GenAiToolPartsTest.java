package dev.llmobs.genai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Tool calls, tool results and tool definitions in the semantic conventions' JSON. */
class GenAiToolPartsTest {

  static final ObjectMapper MAPPER = new ObjectMapper();

  static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text);
  }

  @Test
  void toolCallArgumentsAreEmbeddedAsJsonWhenValidElseAsAString() throws Exception {
    String json =
        new GenAiMessages()
            .message("assistant", "tool_calls")
            .text("Let me look.")
            .toolCall("call_1", "get_weather", " {\"city\": \"Paris\"} ")
            .toolCall("call_2", "broken", "{\"city\": ")
            .toJson(10_000);
    assertThat(json)
        .isEqualTo(
            "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Let me look.\"},"
                + "{\"type\":\"tool_call\",\"id\":\"call_1\",\"name\":\"get_weather\","
                + "\"arguments\":{\"city\": \"Paris\"}},"
                + "{\"type\":\"tool_call\",\"id\":\"call_2\",\"name\":\"broken\","
                + "\"arguments\":\"{\\\"city\\\": \"}],\"finish_reason\":\"tool_calls\"}]");
    assertThat(json(json).isArray()).isTrue();
  }

  @Test
  void toolResultIsAToolCallResponsePart() {
    assertThat(
            new GenAiMessages()
                .message("tool", null)
                .toolCallResponse("call_1", "rainy, 57\u00b0F")
                .toJson(10_000))
        .isEqualTo(
            "[{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"call_1\","
                + "\"response\":\"rainy, 57\u00b0F\"}]}]");
  }

  @Test
  void everyCutStaysValidJsonWithinTheLimit() throws Exception {
    GenAiMessages messages =
        new GenAiMessages()
            .add("user", "What is the weather in \"Paris\"?\n", null)
            .message("assistant", null)
            .toolCall("call_1", "get_weather", "{\"city\":\"Paris\",\"days\":[1,2,3]}")
            .message("tool", null)
            .toolCallResponse("call_1", "rainy\t57\u00b0F \\ windy \u0001")
            .add("assistant", "It rains.", "stop");
    String whole = messages.toJson(100_000);
    for (int limit = 2; limit <= whole.length(); limit++) {
      String json = messages.toJson(limit);
      assertThat(json.length()).as("limit %d", limit).isLessThanOrEqualTo(Math.max(2, limit));
      assertThat(json(json).isArray()).as(json).isTrue();
    }
    assertThat(messages.toJson(whole.length())).isEqualTo(whole);
    // Cut within the arguments: they are kept as a marked string.
    String cutInArguments = messages.toJson(whole.indexOf("\"days\"") + 12);
    assertThat(cutInArguments).contains("\"arguments\":\"{\\\"city").contains("...[truncated]");
  }

  @Test
  void inputMessagesOfOpenAiChatWithToolCallsAndResults() throws Exception {
    JsonNode body =
        json(
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Paris?\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                + "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"rainy\"}]}");
    assertThat(GenAiJsonContent.inputMessages(body, 10_000))
        .isEqualTo(
            "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather in Paris?\"}]},"
                + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_1\","
                + "\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}]},"
                + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"call_1\","
                + "\"response\":\"rainy\"}]}]");
  }

  @Test
  void inputMessagesOfAnthropicToolUseAndToolResultBlocks() throws Exception {
    JsonNode body =
        json(
            "{\"system\":\"Be brief.\",\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Checking.\"},"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\","
                + "\"input\":{\"city\":\"Paris\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":"
                + "\"toolu_1\",\"content\":[{\"type\":\"text\",\"text\":\"rainy\"}]},"
                + "{\"type\":\"text\",\"text\":\"And tomorrow?\"}]}]}");
    assertThat(GenAiJsonContent.inputMessages(body, 10_000))
        .isEqualTo(
            "[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"Be brief.\"}]},"
                + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather?\"}]},"
                + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Checking.\"},"
                + "{\"type\":\"tool_call\",\"id\":\"toolu_1\",\"name\":\"get_weather\","
                + "\"arguments\":{\"city\":\"Paris\"}}]},"
                + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"toolu_1\","
                + "\"response\":\"rainy\"}]},"
                + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"And tomorrow?\"}]}]");
  }

  @Test
  void inputMessagesOfResponsesFunctionCallItems() throws Exception {
    JsonNode body =
        json(
            "{\"input\":[{\"role\":\"user\",\"content\":\"Weather?\"},"
                + "{\"type\":\"function_call\",\"call_id\":\"call_9\",\"name\":\"get_weather\","
                + "\"arguments\":\"{}\"},"
                + "{\"type\":\"function_call_output\",\"call_id\":\"call_9\",\"output\":\"sunny\"}]}");
    assertThat(GenAiJsonContent.inputMessages(body, 10_000))
        .isEqualTo(
            "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather?\"}]},"
                + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_9\","
                + "\"name\":\"get_weather\",\"arguments\":{}}]},"
                + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"call_9\","
                + "\"response\":\"sunny\"}]}]");
  }

  @Test
  void outputPartsOfResponsesItemsAndAnthropicBlocks() throws Exception {
    GenAiMessages messages = new GenAiMessages().message("assistant", "tool_use");
    GenAiJsonContent.outputParts(
        messages,
        json(
            "[{\"type\":\"text\",\"text\":\"Checking.\"},{\"type\":\"tool_use\",\"id\":\"toolu_1\","
                + "\"name\":\"get_weather\",\"input\":{\"city\":\"Paris\"}}]"));
    messages.message("assistant", "stop");
    GenAiJsonContent.outputParts(
        messages,
        json(
            "[{\"type\":\"function_call\",\"call_id\":\"c\",\"name\":\"f\",\"arguments\":\"{}\"}]"));
    assertThat(messages.toJson(10_000))
        .isEqualTo(
            "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Checking.\"},"
                + "{\"type\":\"tool_call\",\"id\":\"toolu_1\",\"name\":\"get_weather\","
                + "\"arguments\":{\"city\":\"Paris\"}}],\"finish_reason\":\"tool_use\"},"
                + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"c\","
                + "\"name\":\"f\",\"arguments\":{}}],\"finish_reason\":\"stop\"}]");
  }

  @Test
  void toolDefinitionsOfEachWireShape() throws Exception {
    JsonNode tools =
        json(
            "[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"description\":"
                + "\"Weather now\",\"parameters\":{\"type\":\"object\"}}},"
                + "{\"type\":\"function\",\"name\":\"get_time\",\"parameters\":null},"
                + "{\"name\":\"lookup\",\"description\":\"Find\",\"input_schema\":{\"type\":\"object\"}},"
                + "{\"type\":\"web_search_preview\"}]");
    assertThat(GenAiJsonContent.toolDefinitions(tools, 10_000))
        .isEqualTo(
            "[{\"type\":\"function\",\"name\":\"get_weather\",\"description\":\"Weather now\","
                + "\"parameters\":{\"type\":\"object\"}},"
                + "{\"type\":\"function\",\"name\":\"get_time\"},"
                + "{\"type\":\"function\",\"name\":\"lookup\",\"description\":\"Find\","
                + "\"parameters\":{\"type\":\"object\"}},"
                + "{\"type\":\"web_search_preview\",\"name\":\"web_search_preview\"}]");
    // Too long for every detail: names only, then as many as fit.
    assertThat(GenAiJsonContent.toolDefinitions(tools, 150))
        .isEqualTo(
            "[{\"type\":\"function\",\"name\":\"get_weather\"},"
                + "{\"type\":\"function\",\"name\":\"get_time\"},"
                + "{\"type\":\"function\",\"name\":\"lookup\"}]");
    assertThat(GenAiJsonContent.toolDefinitions(json("[]"), 100)).isNull();
  }

  @Test
  void jsonValuesAreCheckedStrictly() {
    assertThat(GenAiJson.isValue("{\"a\":[1,-2.5e3,true,null,\"x\\u00e9\"]}")).isTrue();
    assertThat(GenAiJson.isValue(" 42 ")).isTrue();
    assertThat(GenAiJson.isValue("{\"a\":1}{")).isFalse();
    assertThat(GenAiJson.isValue("{'a':1}")).isFalse();
    assertThat(GenAiJson.isValue("[1,]")).isFalse();
    assertThat(GenAiJson.isValue("\"tab\there\"")).isFalse();
    assertThat(GenAiJson.isValue("01")).isFalse();
    assertThat(GenAiJson.isValue("")).isFalse();
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      deep.append('[');
    }
    assertThat(GenAiJson.isValue(deep.toString())).isFalse();
  }
}
