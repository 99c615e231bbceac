package com.example.stores;

import java.util.List;
import java.util.Optional;

/** A store interface named in otel.instrumentation.genai.stores: every implementation matches. */
public interface ConversationRepository {

  Optional<List<String>> get(String conversationId);

  void save(String conversationId, List<String> items);

  boolean delete(String conversationId);
}
