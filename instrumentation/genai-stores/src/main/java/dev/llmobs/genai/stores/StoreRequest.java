package dev.llmobs.genai.stores;

import dev.llmobs.genai.GenAiStrings;
import java.util.Collection;

/**
 * The neutral view of one store operation as it starts: what a store module knows from the method,
 * its receiver and its arguments. The conversation id is capped as it is set: a client of the
 * application may control it.
 */
public final class StoreRequest {

  private final String operation;
  private final String store;
  private final String backend;
  private final Object receiver;
  private String conversationId;
  private Long messageCount;

  /**
   * @param operation one of the {@code STORE_*} operations of {@code GenAiSemconv}
   * @param store the store's name in the span name and metrics
   * @param backend where it keeps its data ({@link StoreBackends#of})
   * @param receiver the store object (never recorded: it tells a store calling itself apart)
   */
  public StoreRequest(String operation, String store, String backend, Object receiver) {
    this.operation = operation;
    this.store = store;
    this.backend = backend;
    this.receiver = receiver;
  }

  public String operation() {
    return operation;
  }

  public String store() {
    return store;
  }

  public String backend() {
    return backend;
  }

  Object receiver() {
    return receiver;
  }

  public String conversationId() {
    return conversationId;
  }

  public StoreRequest conversationId(String conversationId) {
    this.conversationId = GenAiStrings.cap(conversationId);
    return this;
  }

  /** Messages the operation writes, when an argument holds them. */
  public Long messageCount() {
    return messageCount;
  }

  public StoreRequest messageCount(Long messageCount) {
    this.messageCount = messageCount;
    return this;
  }

  /** The size of the first collection among {@code args}, or null when there is none. */
  public static Long countOf(Object[] args) {
    if (args != null) {
      for (Object arg : args) {
        if (arg instanceof Collection) {
          return (long) ((Collection<?>) arg).size();
        }
      }
    }
    return null;
  }
}
