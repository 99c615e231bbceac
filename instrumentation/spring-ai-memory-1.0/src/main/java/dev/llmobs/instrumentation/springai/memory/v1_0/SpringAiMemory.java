package dev.llmobs.instrumentation.springai.memory.v1_0;

import dev.llmobs.genai.GenAiSemconv;
import dev.llmobs.genai.stores.StoreCall;

/** What a ChatMemoryRepository method is as a store operation. */
public final class SpringAiMemory {

  static final String MODULE = "spring-ai-memory";
  static final String CHAT_MEMORY_REPOSITORY =
      "org.springframework.ai.chat.memory.ChatMemoryRepository";

  public static StoreCall start(Object repository, String method, Object[] args) {
    String operation;
    switch (method) {
      case "findConversationIds":
        operation = GenAiSemconv.STORE_LIST;
        break;
      case "findByConversationId":
        operation = GenAiSemconv.STORE_GET;
        break;
      case "saveAll":
        operation = GenAiSemconv.STORE_UPDATE;
        break;
      case "deleteByConversationId":
        operation = GenAiSemconv.STORE_DELETE;
        break;
      default:
        return null;
    }
    return StoreCall.start(MODULE, repository, operation, args.length > 0 ? args[0] : null, args);
  }

  private SpringAiMemory() {}
}
