package dev.llmobs.instrumentation.anthropic;

import static dev.llmobs.instrumentation.anthropic.AnthropicFixture.MODEL;
import static dev.llmobs.testing.GenAiKeys.*;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import io.opentelemetry.api.trace.SpanKind;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * What is particular to anthropic-java beyond the chat suite ({@link AnthropicChatTest}): the
 * request parameters, and server.* only where the SDK exposes its base URL.
 */
class AnthropicInstrumentationTest extends AnthropicAgentTest {

  @Test
  void requestParametersAreRecorded() {
    server.reply("chat.json");

    Message message =
        client
            .messages()
            .create(
                MessageCreateParams.builder()
                    .model(MODEL)
                    .maxTokens(256)
                    .addUserMessage("Say hello")
                    .stopSequences(Collections.singletonList("END"))
                    .putAdditionalBodyProperty("temperature", JsonValue.from(0.5))
                    .build());

    assertThat(message.id()).isEqualTo("msg_01XFDUDYJgAACzvnptvVoYEL");
    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasName("chat " + MODEL)
                        .hasKind(SpanKind.CLIENT)
                        .hasAttributesSatisfying(
                            equalTo(REQUEST_MODEL, MODEL),
                            equalTo(MAX_TOKENS, 256L),
                            equalTo(TEMPERATURE, 0.5),
                            equalTo(STOP, Collections.singletonList("END")))));
  }

  @Test
  void serverAddressWhenTheSdkExposesIt() {
    server.reply("chat.json");
    client.messages().create(AnthropicChatTest.params(MODEL));

    testing.waitAndAssertTraces(
        trace ->
            trace.hasSpansSatisfyingExactly(
                span ->
                    span.hasAttributesSatisfying(
                        attributes -> {
                          // ClientOptions.baseUrl() exists from anthropic-java 2.2 on.
                          if (attributes.get(SERVER_ADDRESS) != null) {
                            assertThat(attributes.get(SERVER_ADDRESS)).isEqualTo(server.host());
                            assertThat(attributes.get(SERVER_PORT)).isEqualTo((long) server.port());
                          }
                        })));
  }
}
