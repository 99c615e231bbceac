package com.example.stores;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A store class named in otel.instrumentation.genai.stores: one method per default prefix. */
public class NamedStore {

  public List<String> getMessages(String id) {
    return new ArrayList<>(Arrays.asList("m1", "m2"));
  }

  public String findTitle(String id) {
    return "title";
  }

  public String loadSummary(String id) {
    return "summary";
  }

  public String readLast(String id) {
    return "last";
  }

  public void create(String id) {}

  public void insertItems(String id, List<String> items) {}

  public void save(String id, List<String> items) {}

  public void put(String id, String item) {}

  public void update(String id, List<String> items) {}

  public void append(String id, String item) {}

  public boolean delete(String id) {
    return true;
  }

  public boolean remove(UUID id) {
    return true;
  }

  public List<String> listIds() {
    return Arrays.asList("a", "b", "c");
  }

  /** Not a store operation: no default prefix. */
  public int count() {
    return 3;
  }

  /** Not a store operation (no default prefix); calls one that is not public either. */
  public int internalSize() {
    return getInternal("x").size();
  }

  /** Not a store operation: not public. */
  List<String> getInternal(String id) {
    return new ArrayList<>();
  }

  public String getFailing(String id) throws IOException {
    throw new IOException("disk full while writing " + id);
  }
}
