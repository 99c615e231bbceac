package dev.llmobs.cost.catalog;

/** A price file that cannot be used, with a message that says where and why. */
public final class CatalogException extends Exception {

  private static final long serialVersionUID = 1L;

  public CatalogException(String message) {
    super(message);
  }

  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
