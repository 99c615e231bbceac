package dev.llmobs.instrumentation.langchain4j;

import static dev.llmobs.testing.GenAiKeys.CONVERSATION_ID;
import static dev.llmobs.testing.GenAiKeys.ERROR_TYPE;
import static dev.llmobs.testing.GenAiKeys.STORE_NAME;
import static dev.llmobs.testing.GenAiKeys.STORE_OPERATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;
import dev.llmobs.testing.OpenAiChat;
import dev.llmobs.testing.StoreSpans;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.instrumentation.testing.junit.AgentInstrumentationExtension;
import io.opentelemetry.instrumentation.testing.junit.InstrumentationExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ChatMemoryStoreTest {

  @RegisterExtension
  static final InstrumentationExtension testing = AgentInstrumentationExtension.create();

  /** A store of the application's own; memory ids are objects, not strings. */
  static final class TenantChatMemoryStore implements ChatMemoryStore {
    private final Map<Object, List<ChatMessage>> messages = new ConcurrentHashMap<>();

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
      if ("broken".equals(String.valueOf(memoryId))) {
        throw new IllegalStateException("store unavailable for " + memoryId);
      }
      return messages.getOrDefault(memoryId, new ArrayList<>());
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> list) {
      messages.put(memoryId, new ArrayList<>(list));
    }

    @Override
    public void deleteMessages(Object memoryId) {
      messages.remove(memoryId);
    }
  }

  /** A memory id as applications use them: a record-like object with its own toString. */
  static final class MemoryId {
    final String tenant;
    final int user;

    MemoryId(String tenant, int user) {
      this.tenant = tenant;
      this.user = user;
    }

    @Override
    public String toString() {
      return tenant + ":" + user;
    }
  }

  @Test
  void inMemoryChatMemoryStore() {
    ChatMemoryStore store = new InMemoryChatMemoryStore();
    store.updateMessages("user-1", Arrays.asList(UserMessage.from("hi"), AiMessage.from("hello")));
    assertThat(store.getMessages("user-1")).hasSize(2);
    store.deleteMessages("user-1");

    List<SpanData> spans = StoreSpans.inOrder(testing.waitForTraces(3));
    assertThat(spans)
        .extracting(StoreSpans::describe)
        .containsExactly(
            "update InMemoryChatMemoryStore conv=user-1 count=2 backend=memory",
            "get InMemoryChatMemoryStore conv=user-1 count=2 backend=memory",
            "delete InMemoryChatMemoryStore conv=user-1 count=null backend=memory");
    assertThat(spans)
        .allSatisfy(
            s -> {
              assertThat(s.getKind()).isEqualTo(SpanKind.INTERNAL);
              assertThat(s.getAttributes().get(STORE_NAME)).isEqualTo("InMemoryChatMemoryStore");
              assertThat(s.getAttributes().get(STORE_OPERATION))
                  .isEqualTo(s.getName().split(" ")[0]);
            });
  }

  @Test
  void aStoreOfTheApplicationsOwnWithObjectMemoryIds() {
    ChatMemoryStore store = new TenantChatMemoryStore();
    MemoryId id = new MemoryId("acme", 7);
    store.updateMessages(
        id, Arrays.asList(UserMessage.from("a"), AiMessage.from("b"), UserMessage.from("c")));
    store.getMessages(id);
    assertThatThrownBy(() -> store.getMessages("broken"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("store unavailable for broken");

    List<SpanData> spans = StoreSpans.inOrder(testing.waitForTraces(3));
    assertThat(spans)
        .extracting(StoreSpans::describe)
        .containsExactly(
            "update TenantChatMemoryStore conv=acme:7 count=3 backend=TenantChatMemoryStore",
            "get TenantChatMemoryStore conv=acme:7 count=3 backend=TenantChatMemoryStore",
            "get TenantChatMemoryStore conv=broken count=null backend=TenantChatMemoryStore");
    SpanData failed = spans.get(2);
    assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(failed.getAttributes().get(ERROR_TYPE)).isEqualTo("java.lang.IllegalStateException");
  }

  @Test
  void theMemoryIdReachesTheFollowingChatCallOfTheRequest() throws Exception {
    ChatMemoryStore store = new InMemoryChatMemoryStore();
    OpenAiChat.inRequestAfter("POST /assistant", () -> store.getMessages("session-9"));

    List<SpanData> spans = StoreSpans.inOrder(testing.waitForTraces(1));
    SpanData chat =
        spans.stream().filter(s -> s.getName().equals("chat gpt-4o-mini")).findFirst().get();
    assertThat(chat.getAttributes().get(CONVERSATION_ID)).isEqualTo("session-9");
  }
}
