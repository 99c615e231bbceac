package dev.llmobs.gateway.providers;

/** The upstream a model is served by. */
public enum Provider {
  OPENAI("openai"),
  ANTHROPIC("anthropic"),
  GOOGLE("google");

  private final String owner;

  Provider(String owner) {
    this.owner = owner;
  }

  /** The {@code owned_by} of {@code /v1/models}. */
  public String owner() {
    return owner;
  }
}
