package dev.llmobs.instrumentation.log4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientImpl;
import com.openai.client.okhttp.OkHttpClient;
import com.openai.core.ClientOptions;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.responses.ResponseCreateParams;
import io.opentelemetry.instrumentation.testing.junit.AgentInstrumentationExtension;
import io.opentelemetry.instrumentation.testing.junit.InstrumentationExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real Log4j 2 appender records what the application logs while a real openai-java call runs
 * (through {@link LoggingHttpClient}) and after it, under the agent with the llmobs extension.
 */
class Log4jGenAiContextDataTest {

  @RegisterExtension
  static final InstrumentationExtension testing = AgentInstrumentationExtension.create();

  static final List<LogEvent> events = new CopyOnWriteArrayList<>();
  static final PatternLayout layout =
      PatternLayout.newBuilder()
          .withPattern(
              "%X{gen_ai.provider.name}|%X{gen_ai.request.model}|%X{gen_ai.conversation.id}"
                  + "|%X{app}|%m")
          .build();

  MockWebServer server;
  OpenAIClient client;

  static final class Recording extends AbstractAppender {
    Recording() {
      super("recording", null, null, true, Property.EMPTY_ARRAY);
    }

    @Override
    public void append(LogEvent event) {
      events.add(event.toImmutable());
    }
  }

  @BeforeAll
  static void configureLog4j() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    Recording appender = new Recording();
    appender.start();
    config.addAppender(appender);
    LoggerConfig app = new LoggerConfig("app", Level.INFO, false);
    app.addAppender(appender, null, null);
    config.addLogger("app", app);
    context.updateLoggers();
  }

  @BeforeEach
  void setUp() throws Exception {
    events.clear();
    server = new MockWebServer();
    server.start();
    client =
        new OpenAIClientImpl(
            ClientOptions.builder()
                .httpClient(new LoggingHttpClient(OkHttpClient.builder().build()))
                .baseUrl(server.url("/v1").toString())
                .apiKey("sk-test")
                .maxRetries(0)
                .build());
  }

  @AfterEach
  void tearDown() throws Exception {
    client.close();
    server.shutdown();
    ThreadContext.clearMap();
  }

  static ChatCompletionCreateParams chat(String model) {
    return ChatCompletionCreateParams.builder().model(model).addUserMessage("Say hello").build();
  }

  static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  static MockResponse chatResponse(String model) {
    return json(
        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
            + "\"model\":\""
            + model
            + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"Hello\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}");
  }

  static LogEvent event(String messagePrefix) {
    List<LogEvent> matching =
        events.stream()
            .filter(e -> e.getMessage().getFormattedMessage().startsWith(messagePrefix))
            .collect(Collectors.toList());
    assertThat(matching).as("events starting with '%s'", messagePrefix).hasSize(1);
    return matching.get(0);
  }

  static Map<String, String> contextData(String messagePrefix) {
    return event(messagePrefix).getContextData().toMap();
  }

  static String rendered(String messagePrefix) {
    return layout.toSerializable(event(messagePrefix));
  }

  @Test
  void logsDuringAChatCallCarryTheCallAndLogsAfterItDoNot() {
    server.enqueue(chatResponse("gpt-4o-mini-2024-07-18"));
    ThreadContext.put("app", "a1");

    client.chat().completions().create(chat("gpt-4o-mini"));
    LogManager.getLogger("app.service").info("after the call");

    assertThat(contextData("sending"))
        .containsOnly(
            entry("gen_ai.provider.name", "openai"),
            entry("gen_ai.request.model", "gpt-4o-mini"),
            entry("app", "a1"));
    assertThat(rendered("sending"))
        .isEqualTo("openai|gpt-4o-mini||a1|sending POST [chat, completions]");
    assertThat(contextData("after the call")).containsOnly(entry("app", "a1"));
    assertThat(ThreadContext.getImmutableContext()).containsOnly(entry("app", "a1"));
  }

  @Test
  void responsesCallWithPreviousResponseIdCarriesTheConversation() {
    server.enqueue(
        json(
            "{\"id\":\"resp_2\",\"object\":\"response\",\"created_at\":1700000000,"
                + "\"model\":\"gpt-4.1-2025-04-14\",\"status\":\"completed\",\"output\":[],"
                + "\"parallel_tool_calls\":true,\"tool_choice\":\"auto\",\"tools\":[]}"));

    client
        .responses()
        .create(
            ResponseCreateParams.builder()
                .model("gpt-4.1")
                .input("And then?")
                .previousResponseId("resp_1")
                .build());

    assertThat(contextData("sending"))
        .containsOnly(
            entry("gen_ai.provider.name", "openai"),
            entry("gen_ai.request.model", "gpt-4.1"),
            entry("gen_ai.conversation.id", "resp_1"));
  }

  @Test
  void theApplicationsOwnThreadContextValuesWin() {
    server.enqueue(chatResponse("gpt-4o"));
    ThreadContext.put("gen_ai.request.model", "set-by-app");

    client.chat().completions().create(chat("gpt-4o"));

    assertThat(contextData("sending"))
        .containsOnly(
            entry("gen_ai.provider.name", "openai"), entry("gen_ai.request.model", "set-by-app"));
  }

  @Test
  void asyncCallLogsOnTheCallingThreadCarryTheCall() throws Exception {
    server.enqueue(chatResponse("gpt-4o-mini"));

    client.async().chat().completions().create(chat("gpt-4o-mini")).get();
    LogManager.getLogger("app.service").info("after the call");

    assertThat(contextData("sending async"))
        .containsOnly(
            entry("gen_ai.provider.name", "openai"), entry("gen_ai.request.model", "gpt-4o-mini"));
    assertThat(contextData("after the call")).isEmpty();
  }

  @Test
  void logsOutsideAnyGenAiCallAreUntouched() {
    ThreadContext.put("app", "a2");
    LogManager.getLogger("app.service").info("no call");
    assertThat(contextData("no call")).containsOnly(entry("app", "a2"));
  }
}
