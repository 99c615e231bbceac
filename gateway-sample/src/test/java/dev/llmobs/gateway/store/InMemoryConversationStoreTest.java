package dev.llmobs.gateway.store;

class InMemoryConversationStoreTest extends ConversationStoreContract {
  @Override
  ConversationStore newStore() {
    return new InMemoryConversationStore();
  }
}
