package com.example.stores;

import java.util.List;
import java.util.Optional;

/** A decorator, itself a repository: its span and the one of the store it wraps nest. */
public class CachingConversationRepository implements ConversationRepository {

  private final ConversationRepository delegate;

  public CachingConversationRepository(ConversationRepository delegate) {
    this.delegate = delegate;
  }

  @Override
  public Optional<List<String>> get(String conversationId) {
    return delegate.get(conversationId);
  }

  @Override
  public void save(String conversationId, List<String> items) {
    delegate.save(conversationId, items);
  }

  @Override
  public boolean delete(String conversationId) {
    return delegate.delete(conversationId);
  }
}
