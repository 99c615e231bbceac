package dev.llmobs.instrumentation.springai;

import static dev.llmobs.testing.GenAiKeys.CONVERSATION_ID;
import static dev.llmobs.testing.GenAiKeys.STORE_BACKEND;
import static dev.llmobs.testing.GenAiKeys.STORE_MESSAGE_COUNT;
import static dev.llmobs.testing.GenAiKeys.STORE_NAME;
import static dev.llmobs.testing.ServerRequests.inRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.testing.junit.AgentInstrumentationExtension;
import io.opentelemetry.instrumentation.testing.junit.InstrumentationExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.memory.InMemoryChatMemoryRepository;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.memory.repository.jdbc.H2ChatMemoryRepositoryDialect;
import org.springframework.ai.chat.memory.repository.jdbc.JdbcChatMemoryRepository;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class ChatMemoryRepositoryTest {

  @RegisterExtension
  static final InstrumentationExtension testing = AgentInstrumentationExtension.create();

  static List<SpanData> spans(int traces) {
    return testing.waitForTraces(traces).stream()
        .flatMap(List::stream)
        .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
        .collect(Collectors.toList());
  }

  static String describe(SpanData span) {
    return span.getName()
        + " conv="
        + span.getAttributes().get(CONVERSATION_ID)
        + " count="
        + span.getAttributes().get(STORE_MESSAGE_COUNT)
        + " backend="
        + span.getAttributes().get(STORE_BACKEND);
  }

  static List<Message> turn(String question, String answer) {
    return Arrays.asList(new UserMessage(question), new AssistantMessage(answer));
  }

  @Test
  void inMemoryRepositoryBehindMessageWindowChatMemory() {
    ChatMemoryRepository repository = new InMemoryChatMemoryRepository();
    ChatMemory memory = MessageWindowChatMemory.builder().chatMemoryRepository(repository).build();

    memory.add("conv-1", turn("hi", "hello")); // reads the conversation, then saves it whole
    assertThat(memory.get("conv-1")).hasSize(2);
    assertThat(repository.findConversationIds()).containsExactly("conv-1");
    memory.clear("conv-1");

    List<SpanData> spans = spans(5);
    assertThat(spans)
        .extracting(ChatMemoryRepositoryTest::describe)
        .containsExactly(
            "get InMemoryChatMemoryRepository conv=conv-1 count=0 backend=memory",
            "update InMemoryChatMemoryRepository conv=conv-1 count=2 backend=memory",
            "get InMemoryChatMemoryRepository conv=conv-1 count=2 backend=memory",
            "list InMemoryChatMemoryRepository conv=null count=1 backend=memory",
            "delete InMemoryChatMemoryRepository conv=conv-1 count=null backend=memory");
    assertThat(spans).allSatisfy(s -> assertThat(s.getKind()).isEqualTo(SpanKind.INTERNAL));
  }

  @Test
  void jdbcRepositoryOnH2() throws Exception {
    SimpleDriverDataSource dataSource =
        new SimpleDriverDataSource(
            new org.h2.Driver(), "jdbc:h2:mem:llmobs_spring_ai;DB_CLOSE_DELAY=-1", "sa", "");
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    try (InputStream schema = JdbcChatMemoryRepository.class.getResourceAsStream("schema-h2.sql")) {
      for (String statement :
          new String(schema.readAllBytes(), StandardCharsets.UTF_8).split(";")) {
        if (!statement.isBlank()) {
          jdbc.execute(statement);
        }
      }
    }
    ChatMemoryRepository repository =
        JdbcChatMemoryRepository.builder()
            .jdbcTemplate(jdbc)
            .dialect(new H2ChatMemoryRepositoryDialect())
            .build();

    repository.saveAll("jdbc-1", turn("what is H2?", "a database"));
    assertThat(repository.findByConversationId("jdbc-1")).hasSize(2);
    assertThat(repository.findConversationIds()).contains("jdbc-1");
    repository.deleteByConversationId("jdbc-1");

    List<SpanData> spans = spans(4);
    // saveAll replaces the conversation by calling its own deleteByConversationId: one span.
    assertThat(spans)
        .extracting(ChatMemoryRepositoryTest::describe)
        .containsExactly(
            "update JdbcChatMemoryRepository conv=jdbc-1 count=2 backend=jdbc",
            "get JdbcChatMemoryRepository conv=jdbc-1 count=2 backend=jdbc",
            "list JdbcChatMemoryRepository conv=null count=1 backend=jdbc",
            "delete JdbcChatMemoryRepository conv=jdbc-1 count=null backend=jdbc");
    assertThat(spans)
        .allSatisfy(
            s ->
                assertThat(s.getAttributes().get(STORE_NAME))
                    .isEqualTo("JdbcChatMemoryRepository"));
  }

  @Test
  void theConversationReachesTheFollowingChatCallOfTheRequest() throws Exception {
    ChatMemoryRepository repository = new InMemoryChatMemoryRepository();
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(
          new MockResponse()
              .setHeader("Content-Type", "application/json")
              .setBody(
                  "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
                      + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":"
                      + "{\"role\":\"assistant\",\"content\":\"Hi\"},\"finish_reason\":\"stop\"}],"
                      + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}"));
      OpenAIClient client =
          OpenAIOkHttpClient.builder()
              .baseUrl(server.url("/v1").toString())
              .apiKey("sk-test")
              .maxRetries(0)
              .build();
      try {
        inRequest(
            "POST /assistant",
            () -> {
              repository.findByConversationId("spring-conv");
              client
                  .chat()
                  .completions()
                  .create(
                      ChatCompletionCreateParams.builder()
                          .model("gpt-4o-mini")
                          .addUserMessage("hi")
                          .build());
            });
      } finally {
        client.close();
      }
    }
    SpanData chat =
        spans(1).stream().filter(s -> s.getName().equals("chat gpt-4o-mini")).findFirst().get();
    assertThat(chat.getAttributes().get(CONVERSATION_ID)).isEqualTo("spring-conv");
  }
}
