package com.example.stores;

/** Configured with an unknown operation ([get=fetch]): the entry is ignored with a warning. */
public class Broken {

  public String get(String id) {
    return id;
  }
}
