package dev.llmobs.gateway.store;

/** {@link ConversationStore#create} found a conversation with the same id already stored. */
public final class ConversationExistsException extends RuntimeException {

  public ConversationExistsException(String id) {
    super("conversation " + id + " already exists");
  }
}
