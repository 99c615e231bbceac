package dev.llmobs.instrumentation.springai;

import static dev.llmobs.testing.GenAiKeys.CONVERSATION_ID;
import static dev.llmobs.testing.GenAiKeys.STORE_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmobs.testing.OpenAiChat;
import dev.llmobs.testing.StoreSpans;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.testing.junit.AgentInstrumentationExtension;
import io.opentelemetry.instrumentation.testing.junit.InstrumentationExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
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

    List<SpanData> spans = StoreSpans.inOrder(testing.waitForTraces(5));
    assertThat(spans)
        .extracting(StoreSpans::describe)
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

    List<SpanData> spans = StoreSpans.inOrder(testing.waitForTraces(4));
    // saveAll replaces the conversation by calling its own deleteByConversationId: one span.
    assertThat(spans)
        .extracting(StoreSpans::describe)
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
    OpenAiChat.inRequestAfter(
        "POST /assistant", () -> repository.findByConversationId("spring-conv"));
    SpanData chat =
        StoreSpans.inOrder(testing.waitForTraces(1)).stream()
            .filter(s -> s.getName().equals("chat gpt-4o-mini"))
            .findFirst()
            .get();
    assertThat(chat.getAttributes().get(CONVERSATION_ID)).isEqualTo("spring-conv");
  }
}
