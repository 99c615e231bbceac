package dev.llmobs.cost.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The price catalog: genai-prices providers in their order plus the user's flat overrides. Model
 * resolution follows upstream's rules (provider by id, then {@code provider_match}, else guessed
 * from the model by {@code model_match}; first matching model, then the provider's fallback
 * providers) and adds what spans need: dated snapshots not listed in the data ({@code
 * gpt-4o-mini-2024-08-06} prices as {@code gpt-4o-mini}), provider prefixes ({@code openai/gpt-4o})
 * and the semantic-convention provider names ({@code gcp.gemini}, {@code aws.bedrock}, ...).
 * Immutable and thread-safe; callers cache results (see {@code PriceLookup}).
 */
public final class PriceCatalog {

  /** Provider id reported for a model priced by a flat override. */
  public static final String OVERRIDE_PROVIDER = "override";

  // Semantic-convention gen_ai.provider.name values that neither a catalog id nor a
  // provider_match clause maps to the provider that bills them.
  private static final Map<String, String> SEMCONV_PROVIDER_ALIASES = new HashMap<>();

  static {
    SEMCONV_PROVIDER_ALIASES.put("azure.ai.openai", "azure");
    SEMCONV_PROVIDER_ALIASES.put("azure.ai.inference", "azure");
    SEMCONV_PROVIDER_ALIASES.put("az.ai.inference", "azure");
    SEMCONV_PROVIDER_ALIASES.put("x_ai", "x-ai");
    SEMCONV_PROVIDER_ALIASES.put("gcp.gen_ai", "google");
  }

  private static final Pattern DATE_SUFFIX = Pattern.compile("-(\\d{4}-\\d{2}-\\d{2}|\\d{8})$");

  private final List<Provider> providers;
  private final Map<String, Provider> providersById;
  private final Map<String, ResolvedModel> flatOverrides;

  PriceCatalog(List<Provider> providers, Map<String, ResolvedModel> flatOverrides) {
    this.providers = Collections.unmodifiableList(new ArrayList<>(providers));
    Map<String, Provider> byId = new LinkedHashMap<>();
    for (Provider provider : providers) {
      byId.putIfAbsent(provider.id, provider);
    }
    this.providersById = byId;
    this.flatOverrides = Collections.unmodifiableMap(new HashMap<>(flatOverrides));
  }

  public int providerCount() {
    return providers.size();
  }

  public int modelCount() {
    int count = flatOverrides.size();
    for (Provider provider : providers) {
      count += provider.models.size();
    }
    return count;
  }

  /**
   * The catalog entry for {@code model} as reported by {@code provider} (either may be null or
   * blank; the model is needed for a result), or {@code null} when the catalog has no price.
   */
  public ResolvedModel resolve(String provider, String model) {
    if (model == null || model.trim().isEmpty()) {
      return null;
    }
    String reference = model.trim().toLowerCase(Locale.ROOT);
    Provider known = findProvider(provider);
    String undated = undated(reference);
    Provider prefixed = null;
    String rest = null;
    int slash = reference.indexOf('/');
    if (slash > 0 && slash < reference.length() - 1) {
      prefixed = findProvider(reference.substring(0, slash));
      rest = prefixed == null ? null : reference.substring(slash + 1);
    }
    // The user's flat overrides win for every spelling of the name, snapshots included.
    ResolvedModel found =
        firstOverride(reference, undated, rest, rest == null ? null : undated(rest));
    if (found == null) {
      found = resolveName(known, reference);
    }
    if (found == null && undated != null) {
      found = resolveName(known, undated);
    }
    if (found == null && rest != null) {
      found = resolveName(prefixed, rest);
      if (found == null && undated(rest) != null) {
        found = resolveName(prefixed, undated(rest));
      }
    }
    return found;
  }

  /**
   * The name without a trailing snapshot date ({@code -2024-08-06}, {@code -20240806}), or null.
   */
  private static String undated(String reference) {
    String undated = DATE_SUFFIX.matcher(reference).replaceFirst("");
    return undated.equals(reference) || undated.isEmpty() ? null : undated;
  }

  private ResolvedModel firstOverride(String... names) {
    for (String name : names) {
      ResolvedModel override = name == null ? null : flatOverrides.get(name);
      if (override != null) {
        return override;
      }
    }
    return null;
  }

  private ResolvedModel resolveName(Provider provider, String reference) {
    Provider searched = provider != null ? provider : guessProvider(reference);
    return searched == null ? null : findModel(searched, reference);
  }

  private ResolvedModel findModel(Provider provider, String reference) {
    PricedModel model = provider.findOwnModel(reference);
    if (model != null) {
      return new ResolvedModel(provider.id, model.id, model.prices);
    }
    for (String fallbackId : provider.fallbackProviderIds) {
      Provider fallback = providersById.get(fallbackId);
      PricedModel fallbackModel = fallback == null ? null : fallback.findOwnModel(reference);
      if (fallbackModel != null) {
        return new ResolvedModel(fallback.id, fallbackModel.id, fallbackModel.prices);
      }
    }
    return null;
  }

  /** Upstream's {@code find_provider_by_id}, plus the semantic-convention names. */
  Provider findProvider(String name) {
    if (name == null || name.trim().isEmpty()) {
      return null;
    }
    String id = name.trim().toLowerCase(Locale.ROOT);
    Provider provider = providersById.get(id);
    if (provider != null) {
      return provider;
    }
    String alias = SEMCONV_PROVIDER_ALIASES.get(id);
    if (alias != null && providersById.containsKey(alias)) {
      return providersById.get(alias);
    }
    for (Provider candidate : providers) {
      if (candidate.providerMatch != null && candidate.providerMatch.matches(id)) {
        return candidate;
      }
    }
    return null;
  }

  private Provider guessProvider(String reference) {
    for (Provider candidate : providers) {
      if (candidate.modelMatch != null && candidate.modelMatch.matches(reference)) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * This catalog with {@code other} laid over it: models of a provider it shares are searched
   * first, its new providers are added, its flat overrides win over everything.
   */
  PriceCatalog overriddenBy(PriceCatalog other) {
    Map<String, Provider> overriding = new LinkedHashMap<>(other.providersById);
    List<Provider> merged = new ArrayList<>();
    for (Provider provider : providers) {
      Provider override = overriding.remove(provider.id);
      merged.add(override == null ? provider : provider.withModelsFirst(override.models));
    }
    merged.addAll(overriding.values());
    Map<String, ResolvedModel> overrides = new HashMap<>(flatOverrides);
    overrides.putAll(other.flatOverrides);
    return new PriceCatalog(merged, overrides);
  }
}
