package dev.llmobs.gateway.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The default store: conversations live as long as the process. */
public final class InMemoryConversationStore implements ConversationStore {

  private final ConcurrentMap<String, Conversation> conversations = new ConcurrentHashMap<>();

  @Override
  public Optional<Conversation> get(String id) {
    return Optional.ofNullable(conversations.get(id));
  }

  @Override
  public void create(Conversation conversation) {
    if (conversations.putIfAbsent(conversation.id(), conversation) != null) {
      throw new ConversationExistsException(conversation.id());
    }
  }

  @Override
  public boolean append(String id, List<String> items) {
    return conversations.computeIfPresent(
            id,
            (key, old) -> {
              List<String> all = new ArrayList<>(old.items());
              all.addAll(items);
              return new Conversation(key, all);
            })
        != null;
  }

  @Override
  public boolean delete(String id) {
    return conversations.remove(id) != null;
  }

  @Override
  public long count() {
    return conversations.size();
  }

  @Override
  public void close() {
    // nothing to release
  }
}
