package dev.llmobs.gateway.store;

import java.util.List;

/**
 * A stored conversation: its id and its items in order, each item one JSON object as text (a
 * Responses API input item such as {@code {"role":"user","content":"..."}}). The store never
 * interprets items, so any item shape the API accepts round-trips unchanged.
 */
public record Conversation(String id, List<String> items) {

  public Conversation {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("conversation id must not be blank");
    }
    items = List.copyOf(items);
  }
}
