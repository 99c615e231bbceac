package dev.llmobs.cost.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A genai-prices provider: its id, how names map to it, and its models in match order. */
final class Provider {

  final String id;
  final MatchClause providerMatch; // may be null
  final MatchClause modelMatch; // may be null
  final List<String> fallbackProviderIds;
  final List<PricedModel> models;

  Provider(
      String id,
      MatchClause providerMatch,
      MatchClause modelMatch,
      List<String> fallbackProviderIds,
      List<PricedModel> models) {
    this.id = id;
    this.providerMatch = providerMatch;
    this.modelMatch = modelMatch;
    this.fallbackProviderIds = Collections.unmodifiableList(new ArrayList<>(fallbackProviderIds));
    this.models = Collections.unmodifiableList(new ArrayList<>(models));
  }

  /** First model whose clause matches; upstream's {@code Provider.find_model} without fallback. */
  PricedModel findOwnModel(String lowerCaseModel) {
    for (PricedModel model : models) {
      if (model.match.matches(lowerCaseModel)) {
        return model;
      }
    }
    return null;
  }

  /** This provider with {@code first} searched before its own models (user overrides). */
  Provider withModelsFirst(List<PricedModel> first) {
    List<PricedModel> merged = new ArrayList<>(first);
    merged.addAll(models);
    return new Provider(id, providerMatch, modelMatch, fallbackProviderIds, merged);
  }
}
