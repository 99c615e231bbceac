package dev.llmobs.gateway.store;

import java.util.List;
import java.util.Optional;

/**
 * Where the gateway keeps conversations between calls ({@code previous_response_id}). Every method
 * is atomic: a failed call leaves the store as it was.
 */
public interface ConversationStore extends AutoCloseable {

  Optional<Conversation> get(String id);

  /**
   * Stores a new conversation.
   *
   * @throws ConversationExistsException if a conversation with that id is already stored
   */
  void create(Conversation conversation);

  /** Adds items at the end of a stored conversation; false if there is none with that id. */
  boolean append(String id, List<String> items);

  /** Removes a conversation; false if there was none with that id. */
  boolean delete(String id);

  long count();

  @Override
  void close();
}
