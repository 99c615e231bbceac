package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmobs.it.harness.GatewayProcess;
import dev.llmobs.it.harness.OtlpReceiver;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real gateway jar, in its own JVM, with the real llmobs agent jar ({@link SharedGateway}). */
class GatewayTracingIT {

  static final ObjectMapper json = new ObjectMapper();

  static OtlpReceiver receiver;
  static GatewayProcess gateway;

  @BeforeAll
  static void startGateway() throws Exception {
    receiver = SharedGateway.get().receiver();
    gateway = SharedGateway.get().gateway();
  }

  @Test
  void chatSpanIsChildOfServerSpanWithGenAiAttributes() throws Exception {
    HttpResponse<String> response = gateway.postJson("/v1/chat/completions", ChatTraces.REQUEST);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(response.body());
    String responseId = body.path("id").asText();

    ChatTraces.assertChatTrace(ChatTraces.await(receiver, responseId), body);
  }

  @Test
  void malformedRequestIsRejectedWithoutAProviderCall() throws Exception {
    HttpResponse<String> response = gateway.postJson("/v1/chat/completions", "{\"model\":");
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = json.readTree(response.body()).path("error");
    assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.path("message").asText()).contains("not valid JSON");
  }
}
