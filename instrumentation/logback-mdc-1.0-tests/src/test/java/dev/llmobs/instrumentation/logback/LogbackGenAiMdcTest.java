package dev.llmobs.instrumentation.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientImpl;
import com.openai.client.okhttp.OkHttpClient;
import com.openai.core.ClientOptions;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.responses.ResponseCreateParams;
import io.opentelemetry.instrumentation.testing.junit.AgentInstrumentationExtension;
import io.opentelemetry.instrumentation.testing.junit.InstrumentationExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Real Logback appenders record what the application logs while a real openai-java call runs
 * (through {@link LoggingHttpClient}) and after it, under the agent with the llmobs extension.
 */
class LogbackGenAiMdcTest {

  @RegisterExtension
  static final InstrumentationExtension testing = AgentInstrumentationExtension.create();

  static final String PATTERN =
      "%X{gen_ai.provider.name}|%X{gen_ai.request.model}|%X{gen_ai.conversation.id}|%X{app}|%msg%n";

  MockWebServer server;
  OpenAIClient client;
  Logger appLogger;
  ListAppender<ILoggingEvent> events;
  ByteArrayOutputStream asyncOutput;
  AsyncAppender async;

  @BeforeEach
  void setUp() throws Exception {
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

    LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
    appLogger = logback.getLogger("app");
    appLogger.setAdditive(false);
    appLogger.setLevel(Level.INFO); // testing-common's logback.xml sets the root to WARN
    events = new ListAppender<>();
    events.setContext(logback);
    events.start();
    appLogger.addAppender(events);

    // An AsyncAppender renders on its worker thread, where no GenAI call runs.
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(logback);
    encoder.setPattern(PATTERN);
    encoder.start();
    asyncOutput = new ByteArrayOutputStream();
    OutputStreamAppender<ILoggingEvent> output = new OutputStreamAppender<>();
    output.setContext(logback);
    output.setEncoder(encoder);
    output.setOutputStream(asyncOutput);
    output.start();
    async = new AsyncAppender();
    async.setContext(logback);
    async.addAppender(output);
    async.start();
    appLogger.addAppender(async);
  }

  @AfterEach
  void tearDown() throws Exception {
    appLogger.detachAndStopAllAppenders();
    client.close();
    server.shutdown();
    MDC.clear();
  }

  static ChatCompletionCreateParams chat(String model) {
    return ChatCompletionCreateParams.builder().model(model).addUserMessage("Say hello").build();
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

  static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  Map<String, String> mdcOf(String messagePrefix) {
    List<ILoggingEvent> matching =
        events.list.stream()
            .filter(e -> e.getFormattedMessage().startsWith(messagePrefix))
            .collect(Collectors.toList());
    assertThat(matching).as("events starting with '%s'", messagePrefix).hasSize(1);
    return matching.get(0).getMDCPropertyMap();
  }

  List<String> asyncLines() {
    async.stop(); // drains the queue into the output
    return List.of(new String(asyncOutput.toByteArray(), StandardCharsets.UTF_8).split("\n"));
  }

  @Test
  void logsDuringAChatCallCarryTheCallAndLogsAfterItDoNot() {
    server.enqueue(chatResponse("gpt-4o-mini-2024-07-18"));
    MDC.put("app", "a1");

    client.chat().completions().create(chat("gpt-4o-mini"));
    LoggerFactory.getLogger("app.service").info("after the call");

    assertThat(mdcOf("sending"))
        .containsOnly(
            entry("gen_ai.provider.name", "openai"),
            entry("gen_ai.request.model", "gpt-4o-mini"),
            entry("app", "a1"));
    assertThat(mdcOf("after the call")).containsOnly(entry("app", "a1"));
    // The thread's own MDC was never written.
    assertThat(MDC.getCopyOfContextMap()).containsOnly(entry("app", "a1"));
    assertThat(asyncLines())
        .containsExactly(
            "openai|gpt-4o-mini||a1|sending POST [chat, completions]", "|||a1|after the call");
  }

  @Test
  void anEventKeptByAnAppenderThatDoesNotReadTheMdcCarriesTheCallWhenReadLater() {
    appLogger.detachAppender(async); // the only appender left keeps events unread
    server.enqueue(chatResponse("gpt-4o-mini-2024-07-18"));

    client.chat().completions().create(chat("gpt-4o-mini"));

    assertThat(mdcOf("sending"))
        .containsOnly(
            entry("gen_ai.provider.name", "openai"), entry("gen_ai.request.model", "gpt-4o-mini"));
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

    assertThat(mdcOf("sending"))
        .containsOnly(
            entry("gen_ai.provider.name", "openai"),
            entry("gen_ai.request.model", "gpt-4.1"),
            entry("gen_ai.conversation.id", "resp_1"));
    assertThat(asyncLines()).containsExactly("openai|gpt-4.1|resp_1||sending POST [responses]");
  }

  @Test
  void theApplicationsOwnMdcValuesWin() {
    server.enqueue(chatResponse("gpt-4o"));
    MDC.put("gen_ai.request.model", "set-by-app");

    client.chat().completions().create(chat("gpt-4o"));

    assertThat(mdcOf("sending"))
        .containsOnly(
            entry("gen_ai.provider.name", "openai"), entry("gen_ai.request.model", "set-by-app"));
  }

  @Test
  void asyncCallLogsOnTheCallingThreadCarryTheCall() throws Exception {
    server.enqueue(chatResponse("gpt-4o-mini"));

    CompletableFuture<?> future = client.async().chat().completions().create(chat("gpt-4o-mini"));
    future.get();
    LoggerFactory.getLogger("app.service").info("after the call");

    assertThat(mdcOf("sending async"))
        .containsOnly(
            entry("gen_ai.provider.name", "openai"), entry("gen_ai.request.model", "gpt-4o-mini"));
    assertThat(mdcOf("after the call")).isEmpty();
  }

  // The stream's span stays open until the stream is drained, but the call's context is current
  // only while createStreaming runs (it sends the request): what the application logs while it
  // iterates the chunks is its own code, logged in its own context.
  @Test
  void streamingCallCarriesTheKeysWhileTheSdkMethodRunsNotWhileTheAppIterates() {
    String chunk =
        "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
            + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":"
            + "{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}";
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "text/event-stream")
            .setBody("data: " + chunk + "\n\ndata: [DONE]\n\n"));

    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(chat("gpt-4o-mini"))) {
      stream.stream().forEach(c -> LoggerFactory.getLogger("app.service").info("chunk " + c.id()));
    }

    assertThat(mdcOf("sending"))
        .containsOnly(
            entry("gen_ai.provider.name", "openai"), entry("gen_ai.request.model", "gpt-4o-mini"));
    assertThat(mdcOf("chunk c1")).isEmpty();
  }

  @Test
  void logsOutsideAnyGenAiCallAreUntouched() {
    MDC.put("app", "a2");
    LoggerFactory.getLogger("app.service").info("no call");
    Map<String, String> mdc = mdcOf("no call");
    assertThat(mdc).containsOnly(entry("app", "a2"));
  }
}
