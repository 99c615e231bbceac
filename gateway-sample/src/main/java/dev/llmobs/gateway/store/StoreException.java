package dev.llmobs.gateway.store;

/** The backing database or cache of a {@link ConversationStore} failed. */
public final class StoreException extends RuntimeException {

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
