package dev.llmobs.cost.catalog;

/** One model entry of a provider: its id, the names it matches and its prices over time. */
final class PricedModel {

  final String id;
  final MatchClause match;
  final PriceSchedule prices;

  PricedModel(String id, MatchClause match, PriceSchedule prices) {
    this.id = id;
    this.match = match;
    this.prices = prices;
  }
}
