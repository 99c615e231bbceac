package com.example.stores;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public class InMemoryConversationRepository implements ConversationRepository {

  private final Map<String, List<String>> conversations = new ConcurrentHashMap<>();

  @Override
  public Optional<List<String>> get(String conversationId) {
    return Optional.ofNullable(conversations.get(conversationId));
  }

  @Override
  public void save(String conversationId, List<String> items) {
    // Calls its own store method: one span, not two.
    List<String> all = new ArrayList<>(get(conversationId).orElse(new ArrayList<>()));
    all.addAll(items);
    conversations.put(conversationId, all);
  }

  @Override
  public boolean delete(String conversationId) {
    org.slf4j.LoggerFactory.getLogger("access").info("deleting a conversation");
    return conversations.remove(conversationId) != null;
  }
}
