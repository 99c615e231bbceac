package dev.llmobs.cost.catalog;

/**
 * The prices of one model that llmobs can apply from span attributes, in USD per million tokens
 * (requests: per thousand requests). A {@code null} price is one the catalog does not set; the
 * calculator then bills those tokens at their parent's price, as genai-prices does. Prices for
 * units a span cannot report (audio, image, web searches, ...) are not kept.
 */
public final class ModelPrices {

  final Price input;
  final Price cacheRead;
  final Price cacheWrite;
  final Price output;
  final Price reasoning;
  final Price requests;

  public ModelPrices(
      Price input,
      Price cacheRead,
      Price cacheWrite,
      Price output,
      Price reasoning,
      Price requests) {
    this.input = input;
    this.cacheRead = cacheRead;
    this.cacheWrite = cacheWrite;
    this.output = output;
    this.reasoning = reasoning;
    this.requests = requests;
  }

  public Price input() {
    return input;
  }

  public Price cacheRead() {
    return cacheRead;
  }

  public Price cacheWrite() {
    return cacheWrite;
  }

  public Price output() {
    return output;
  }

  public Price reasoning() {
    return reasoning;
  }

  public Price requests() {
    return requests;
  }

  /**
   * e.g. {@code input=2.5 cache_read=1.25 output=10}; prices the model does not set are left out.
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    append(text, "input", input);
    append(text, "cache_read", cacheRead);
    append(text, "cache_write", cacheWrite);
    append(text, "output", output);
    append(text, "reasoning", reasoning);
    append(text, "per_1000_requests", requests);
    return text.toString();
  }

  private static void append(StringBuilder text, String name, Price price) {
    if (price != null) {
      text.append(text.length() == 0 ? "" : " ").append(name).append('=').append(price);
    }
  }
}
