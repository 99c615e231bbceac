package dev.llmobs.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmobs.gateway.RunningGateway;
import dev.llmobs.gateway.RunningGateway.SseEvent;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The Responses API with {@code previous_response_id} against a running gateway; one subclass per
 * conversation store.
 */
abstract class ResponsesRoundTripContract {

  static RunningGateway gateway;
  // Shared databases outlive the test: what it stored is deleted afterwards, through the API.
  static final List<String> stored = new ArrayList<>();

  static void startGateway(Map<String, String> storeOptions) {
    gateway = RunningGateway.start(storeOptions);
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      stored.forEach(
          id ->
              gateway.delete(
                  (id.startsWith("conv_") ? "/v1/conversations/" : "/v1/responses/") + id));
      stored.clear();
      gateway.close();
      gateway = null;
    }
  }

  static JsonNode respond(String body, String... headers) {
    HttpResponse<String> response = gateway.post("/v1/responses", body, headers);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode json = RunningGateway.json(response);
    stored.add(json.path("id").asText());
    return json;
  }

  /** The completed response of a stream. */
  static JsonNode completed(List<SseEvent> events) {
    JsonNode response = events.get(events.size() - 1).json().path("response");
    stored.add(response.path("id").asText());
    return response;
  }

  static String outputText(JsonNode response) {
    return response.path("output").get(0).path("content").get(0).path("text").asText();
  }

  static long storedConversations() {
    Matcher m =
        Pattern.compile("(?m)^gateway_conversations_stored\\S* (\\S+)$")
            .matcher(gateway.get("/metrics").body());
    assertThat(m.find()).isTrue();
    return (long) Double.parseDouble(m.group(1));
  }

  @Test
  void previousResponseIdContinuesTheStoredConversation() {
    JsonNode first = respond("{\"model\":\"gpt-4o\",\"input\":\"My name is Ada.\"}");
    assertThat(first.path("object").asText()).isEqualTo("response");
    assertThat(first.path("status").asText()).isEqualTo("completed");
    assertThat(first.path("previous_response_id").isNull()).isTrue();
    long firstInput = first.path("usage").path("input_tokens").asLong();

    JsonNode second =
        respond(
            "{\"model\":\"gpt-4o\",\"previous_response_id\":\""
                + first.path("id").asText()
                + "\",\"input\":[{\"role\":\"user\",\"content\":\"What is my name?\"}]}");
    assertThat(second.path("previous_response_id").asText()).isEqualTo(first.path("id").asText());
    // The upstream saw the whole conversation, not only the new question.
    assertThat(second.path("usage").path("input_tokens").asLong()).isGreaterThan(firstInput + 10);

    HttpResponse<String> items =
        gateway.get("/v1/responses/" + second.path("id").asText() + "/input_items");
    assertThat(items.statusCode()).isEqualTo(200);
    JsonNode data = RunningGateway.json(items).path("data");
    assertThat(data).hasSize(4);
    assertThat(data.get(0).path("content").asText()).isEqualTo("My name is Ada.");
    assertThat(data.get(1).path("role").asText()).isEqualTo("assistant");
    assertThat(data.get(1).path("content").get(0).path("text").asText())
        .isEqualTo(outputText(first));
    assertThat(data.get(2).path("content").asText()).isEqualTo("What is my name?");
    assertThat(data.get(3).path("content").get(0).path("text").asText())
        .isEqualTo(outputText(second));
  }

  @Test
  void aStreamedTurnIsSavedAndContinuable() {
    HttpResponse<String> streamed =
        gateway.post(
            "/v1/responses",
            "{\"model\":\"gpt-4o-mini\",\"input\":\"stream and remember\",\"stream\":true}",
            "x-sim-chunks",
            "3");
    assertThat(streamed.statusCode()).isEqualTo(200);
    List<SseEvent> events = RunningGateway.events(streamed);
    assertThat(events)
        .extracting(SseEvent::event)
        .startsWith("response.created", "response.in_progress")
        .endsWith("response.completed")
        .contains("response.output_text.delta", "response.output_text.done");
    assertThat(events.stream().filter(e -> "response.output_text.delta".equals(e.event())))
        .hasSize(3);
    JsonNode completed = completed(events);
    String id = completed.path("id").asText();
    String text =
        events.stream()
            .filter(e -> "response.output_text.delta".equals(e.event()))
            .map(e -> e.json().path("delta").asText())
            .reduce("", String::concat);
    assertThat(text).isEqualTo(outputText(completed));

    HttpResponse<String> next =
        gateway.post(
            "/v1/responses",
            "{\"model\":\"gpt-4o-mini\",\"input\":\"next\",\"stream\":true,\"previous_response_id\":\""
                + id
                + "\"}");
    List<SseEvent> nextEvents = RunningGateway.events(next);
    String nextId = completed(nextEvents).path("id").asText();
    assertThat(nextEvents.get(0).json().path("response").path("previous_response_id").asText())
        .isEqualTo(id);
    JsonNode data =
        RunningGateway.json(gateway.get("/v1/responses/" + nextId + "/input_items")).path("data");
    assertThat(data).hasSize(4);
    assertThat(data.get(1).path("content").get(0).path("text").asText()).isEqualTo(text);
  }

  @Test
  void anEarlierResponseCanBeContinuedTwice() {
    JsonNode root = respond("{\"model\":\"gpt-4o\",\"input\":\"branch point\"}");
    String rootId = root.path("id").asText();
    JsonNode a =
        respond(
            "{\"model\":\"gpt-4o\",\"previous_response_id\":\""
                + rootId
                + "\",\"input\":\"branch a\"}");
    JsonNode b =
        respond(
            "{\"model\":\"gpt-4o\",\"previous_response_id\":\""
                + rootId
                + "\",\"input\":\"branch b\"}");

    JsonNode aItems =
        RunningGateway.json(gateway.get("/v1/responses/" + a.path("id").asText() + "/input_items"))
            .path("data");
    JsonNode bItems =
        RunningGateway.json(gateway.get("/v1/responses/" + b.path("id").asText() + "/input_items"))
            .path("data");
    assertThat(aItems.get(2).path("content").asText()).isEqualTo("branch a");
    assertThat(bItems.get(2).path("content").asText()).isEqualTo("branch b");
    assertThat(
            RunningGateway.json(gateway.get("/v1/responses/" + rootId + "/input_items"))
                .path("data"))
        .hasSize(2);
  }

  @Test
  void storeFalseIsNotSaved() {
    long before = storedConversations();
    JsonNode response = respond("{\"model\":\"gpt-4o\",\"input\":\"forget me\",\"store\":false}");
    assertThat(response.path("store").asBoolean()).isFalse();
    assertThat(storedConversations()).isEqualTo(before);

    HttpResponse<String> continued =
        gateway.post(
            "/v1/responses",
            "{\"model\":\"gpt-4o\",\"input\":\"x\",\"previous_response_id\":\""
                + response.path("id").asText()
                + "\"}");
    assertThat(continued.statusCode()).isEqualTo(400);
    assertThat(RunningGateway.error(continued).path("code").asText())
        .isEqualTo("previous_response_not_found");
  }

  @Test
  void unknownPreviousResponseIdIs400() {
    HttpResponse<String> response =
        gateway.post(
            "/v1/responses",
            "{\"model\":\"gpt-4o\",\"input\":\"x\",\"previous_response_id\":\"resp_does_not_exist\"}");
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = RunningGateway.error(response);
    assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.path("param").asText()).isEqualTo("previous_response_id");
    assertThat(error.path("message").asText()).contains("resp_does_not_exist");
  }

  @Test
  void aFailedUpstreamCallSavesNothing() {
    JsonNode first = respond("{\"model\":\"gpt-4o\",\"input\":\"before the failure\"}");
    long before = storedConversations();
    for (String error : new String[] {"500", "429"}) {
      HttpResponse<String> failed =
          gateway.post(
              "/v1/responses",
              "{\"model\":\"gpt-4o\",\"input\":\"fails\",\"previous_response_id\":\""
                  + first.path("id").asText()
                  + "\"}",
              "x-sim-error",
              error);
      assertThat(failed.statusCode()).isEqualTo(error.equals("500") ? 502 : 429);
      RunningGateway.error(failed);
    }
    HttpResponse<String> failedStream =
        gateway.post(
            "/v1/responses",
            "{\"model\":\"gpt-4o\",\"input\":\"fails\",\"stream\":true}",
            "x-sim-error",
            "500");
    assertThat(failedStream.statusCode()).isEqualTo(502);
    assertThat(storedConversations()).isEqualTo(before);
    assertThat(
            RunningGateway.json(
                    gateway.get("/v1/responses/" + first.path("id").asText() + "/input_items"))
                .path("data"))
        .hasSize(2);
  }

  @Test
  void deleteForgetsTheConversation() {
    JsonNode response = respond("{\"model\":\"gpt-4o\",\"input\":\"delete me\"}");
    String id = response.path("id").asText();
    long before = storedConversations();

    HttpResponse<String> deleted = gateway.delete("/v1/responses/" + id);
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(RunningGateway.json(deleted).path("deleted").asBoolean()).isTrue();
    assertThat(storedConversations()).isEqualTo(before - 1);
    assertThat(gateway.get("/v1/responses/" + id + "/input_items").statusCode()).isEqualTo(404);
    assertThat(gateway.delete("/v1/responses/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void claudeConversationsRoundTripAndCanContinueAnOpenAiOne() {
    JsonNode first =
        respond(
            "{\"model\":\"gpt-4o\",\"instructions\":\"be brief\",\"input\":\"Started on OpenAI.\"}");
    JsonNode second =
        respond(
            "{\"model\":\"claude-sonnet-4-5\",\"previous_response_id\":\""
                + first.path("id").asText()
                + "\",\"input\":\"Continued on Claude.\"}",
            "x-sim-usage",
            "input=90,cached=30,cache_write=20,output=15");
    assertThat(second.path("object").asText()).isEqualTo("response");
    assertThat(second.path("status").asText()).isEqualTo("completed");
    assertThat(second.path("id").asText()).startsWith("resp_");
    assertThat(second.path("model").asText()).isEqualTo("claude-sonnet-4-5-20250929");
    assertThat(second.path("previous_response_id").asText()).isEqualTo(first.path("id").asText());
    assertThat(outputText(second)).isNotBlank();
    assertThat(second.path("usage").path("input_tokens").asLong()).isEqualTo(90);
    assertThat(second.path("usage").path("input_tokens_details").path("cached_tokens").asLong())
        .isEqualTo(30);
    assertThat(second.path("usage").path("output_tokens").asLong()).isEqualTo(15);

    HttpResponse<String> streamed =
        gateway.post(
            "/v1/responses",
            "{\"model\":\"claude-haiku-4-5\",\"stream\":true,\"previous_response_id\":\""
                + second.path("id").asText()
                + "\",\"input\":\"And streamed.\"}",
            "x-sim-chunks",
            "2");
    assertThat(streamed.statusCode()).isEqualTo(200);
    List<SseEvent> events = RunningGateway.events(streamed);
    assertThat(events)
        .extracting(SseEvent::event)
        .containsExactly(
            "response.created",
            "response.in_progress",
            "response.output_item.added",
            "response.content_part.added",
            "response.output_text.delta",
            "response.output_text.delta",
            "response.output_text.done",
            "response.content_part.done",
            "response.output_item.done",
            "response.completed");
    assertThat(events)
        .extracting(e -> e.json().path("sequence_number").asInt())
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    JsonNode completed = completed(events);
    assertThat(completed.path("previous_response_id").asText())
        .isEqualTo(second.path("id").asText());

    JsonNode items =
        RunningGateway.json(
                gateway.get("/v1/responses/" + completed.path("id").asText() + "/input_items"))
            .path("data");
    assertThat(items).hasSize(6);
    assertThat(items.get(2).path("content").asText()).isEqualTo("Continued on Claude.");
    assertThat(items.get(3).path("content").get(0).path("text").asText())
        .isEqualTo(outputText(second));
    assertThat(items.get(5).path("content").get(0).path("text").asText())
        .isEqualTo(outputText(completed));
  }

  @Test
  void aNamedConversationGrowsByEachTurnAndOnlyByCompletedOnes() {
    HttpResponse<String> created =
        gateway.post(
            "/v1/conversations",
            "{\"items\":[{\"role\":\"developer\",\"content\":\"You are terse.\"}],\"metadata\":{\"topic\":\"demo\"}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode conversation = RunningGateway.json(created);
    String id = conversation.path("id").asText();
    stored.add(id);
    assertThat(id).startsWith("conv_");
    assertThat(conversation.path("object").asText()).isEqualTo("conversation");
    assertThat(conversation.path("metadata").path("topic").asText()).isEqualTo("demo");

    JsonNode first =
        respond("{\"model\":\"gpt-4o\",\"conversation\":\"" + id + "\",\"input\":\"first turn\"}");
    assertThat(first.path("conversation").path("id").asText()).isEqualTo(id);
    JsonNode second =
        respond(
            "{\"model\":\"claude-sonnet-4-5\",\"conversation\":{\"id\":\""
                + id
                + "\"},\"input\":\"second turn\"}");
    HttpResponse<String> failed =
        gateway.post(
            "/v1/responses",
            "{\"model\":\"gpt-4o\",\"conversation\":\"" + id + "\",\"input\":\"lost turn\"}",
            "x-sim-error",
            "500");
    assertThat(failed.statusCode()).isEqualTo(502);

    JsonNode items =
        RunningGateway.json(gateway.get("/v1/conversations/" + id + "/items")).path("data");
    assertThat(items).hasSize(5);
    assertThat(items.get(0).path("content").asText()).isEqualTo("You are terse.");
    assertThat(items.get(1).path("content").asText()).isEqualTo("first turn");
    assertThat(items.get(2).path("content").get(0).path("text").asText())
        .isEqualTo(outputText(first));
    assertThat(items.get(3).path("content").asText()).isEqualTo("second turn");
    assertThat(items.get(4).path("content").get(0).path("text").asText())
        .isEqualTo(outputText(second));
    // Conversation and response ids each have their own routes.
    assertThat(gateway.get("/v1/responses/" + id + "/input_items").statusCode()).isEqualTo(404);
    assertThat(
            gateway.get("/v1/conversations/" + first.path("id").asText() + "/items").statusCode())
        .isEqualTo(404);

    HttpResponse<String> both =
        gateway.post(
            "/v1/responses",
            "{\"model\":\"gpt-4o\",\"conversation\":\""
                + id
                + "\",\"previous_response_id\":\""
                + first.path("id").asText()
                + "\",\"input\":\"x\"}");
    assertThat(both.statusCode()).isEqualTo(400);
    assertThat(RunningGateway.error(both).path("param").asText()).isEqualTo("conversation");
    HttpResponse<String> unknown =
        gateway.post(
            "/v1/responses",
            "{\"model\":\"gpt-4o\",\"conversation\":\"conv_unknown\",\"input\":\"x\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(RunningGateway.error(unknown).path("code").asText())
        .isEqualTo("conversation_not_found");

    HttpResponse<String> deleted = gateway.delete("/v1/conversations/" + id);
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(RunningGateway.json(deleted).path("deleted").asBoolean()).isTrue();
    assertThat(gateway.get("/v1/conversations/" + id + "/items").statusCode()).isEqualTo(404);
  }
}
