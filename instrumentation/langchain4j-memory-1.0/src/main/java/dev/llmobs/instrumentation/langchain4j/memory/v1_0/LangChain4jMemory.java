package dev.llmobs.instrumentation.langchain4j.memory.v1_0;

import dev.llmobs.genai.GenAiSemconv;
import dev.llmobs.genai.stores.StoreCall;

/** What a ChatMemoryStore method is as a store operation; the memory id is the conversation. */
public final class LangChain4jMemory {

  static final String MODULE = "langchain4j-memory";
  static final String CHAT_MEMORY_STORE = "dev.langchain4j.store.memory.chat.ChatMemoryStore";

  public static StoreCall start(Object store, String method, Object[] args) {
    String operation;
    switch (method) {
      case "getMessages":
        operation = GenAiSemconv.STORE_GET;
        break;
      case "updateMessages":
        operation = GenAiSemconv.STORE_UPDATE;
        break;
      case "deleteMessages":
        operation = GenAiSemconv.STORE_DELETE;
        break;
      default:
        return null;
    }
    return StoreCall.start(MODULE, store, operation, args.length > 0 ? args[0] : null, args);
  }

  private LangChain4jMemory() {}
}
