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
      Price input, Price cacheRead, Price cacheWrite, Price output, Price reasoning, Price requests) {
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

  @Override
  public String toString() {
    return "input="
        + input
        + " cache_read="
        + cacheRead
        + " cache_write="
        + cacheWrite
        + " output="
        + output
        + " reasoning="
        + reasoning
        + " requests_per_1000="
        + requests;
  }
}
