package dev.llmobs.cost.catalog;

/** The catalog entry a model name resolved to. */
public final class ResolvedModel {

  private final String providerId;
  private final String modelId;
  private final PriceSchedule prices;
  // Every priced span's usage event names its model: made once, not per span.
  private final String name;

  ResolvedModel(String providerId, String modelId, PriceSchedule prices) {
    this.providerId = providerId;
    this.modelId = modelId;
    this.prices = prices;
    this.name = providerId + "/" + modelId;
  }

  /** The catalog's provider id, e.g. {@code openai}; {@code override} for a flat override. */
  public String providerId() {
    return providerId;
  }

  /** The catalog's model id, e.g. {@code gpt-4o} for {@code gpt-4o-2024-08-06}. */
  public String modelId() {
    return modelId;
  }

  /** The prices in force at a moment (some models changed price on a date or by time of day). */
  public ModelPrices pricesAt(long epochMillis) {
    return prices.at(epochMillis);
  }

  @Override
  public String toString() {
    return name;
  }
}
