package dev.llmobs.cost;

import dev.llmobs.cost.catalog.PriceCatalog;
import dev.llmobs.cost.catalog.ResolvedModel;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cached model resolution for spans: the response model (a dated snapshot, as providers report it)
 * is preferred, then the request model. Each (provider, model) pair is resolved against the catalog
 * once; unknown pairs are cached too, so a span costs two map lookups after warm-up.
 */
public final class PriceLookup {

  // Model names come from applications; past this many the cache stops growing.
  static final int MAX_CACHED = 10_000;

  private final PriceCatalog catalog;
  private final ConcurrentHashMap<Key, Entry> cache = new ConcurrentHashMap<>();

  public PriceLookup(PriceCatalog catalog) {
    this.catalog = catalog;
  }

  public PriceCatalog catalog() {
    return catalog;
  }

  /** The priced model for a call, or {@code null}; any argument may be null. */
  public ResolvedModel find(String provider, String responseModel, String requestModel) {
    ResolvedModel found = responseModel == null ? null : resolve(provider, responseModel);
    if (found == null && requestModel != null && !requestModel.equals(responseModel)) {
      found = resolve(provider, requestModel);
    }
    return found;
  }

  private ResolvedModel resolve(String provider, String model) {
    Key key = new Key(provider, model);
    Entry entry = cache.get(key);
    if (entry == null) {
      entry = new Entry(catalog.resolve(provider, model));
      if (cache.size() < MAX_CACHED) {
        cache.putIfAbsent(key, entry);
      }
    }
    return entry.model;
  }

  private static final class Entry {
    final ResolvedModel model;

    Entry(ResolvedModel model) {
      this.model = model;
    }
  }

  private static final class Key {
    final String provider;
    final String model;
    final int hash;

    Key(String provider, String model) {
      this.provider = provider;
      this.model = model;
      this.hash = 31 * Objects.hashCode(provider) + model.hashCode();
    }

    @Override
    public boolean equals(Object other) {
      if (!(other instanceof Key)) {
        return false;
      }
      Key that = (Key) other;
      return hash == that.hash
          && model.equals(that.model)
          && Objects.equals(provider, that.provider);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
