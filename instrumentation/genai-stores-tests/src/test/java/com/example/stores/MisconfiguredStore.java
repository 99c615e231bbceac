package com.example.stores;

import java.util.Collections;
import java.util.List;

/** Configured with a method it does not have ([fetchAll=get]): one warning, no span. */
public class MisconfiguredStore {

  public List<String> getAll() {
    return Collections.emptyList();
  }
}
