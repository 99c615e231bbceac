package com.example.stores;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shaped like the gateway's response cache: {@code lookup} takes a key object (not a String) and
 * returns null on a miss; configured as {@code [lookup=cache_get,store=update]}.
 */
public class TestResponseCache {

  /** A normalised request. */
  public static final class Key {
    private final String model;
    private final String prompt;

    public Key(String model, String prompt) {
      this.model = model;
      this.prompt = prompt;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key && ((Key) o).model.equals(model) && ((Key) o).prompt.equals(prompt);
    }

    @Override
    public int hashCode() {
      return Objects.hash(model, prompt);
    }
  }

  private final Map<Key, String> entries = new ConcurrentHashMap<>();

  public String lookup(Key key) {
    return entries.get(key);
  }

  public void store(Key key, String response) {
    entries.put(key, response);
  }

  /** Not mapped: no span. */
  public String getStats() {
    return entries.size() + " entries";
  }
}
