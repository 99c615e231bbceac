package dev.llmobs.genai.stores;

import dev.llmobs.genai.GenAiSemconv;
import java.util.Collection;
import java.util.Optional;

/** How a store operation ended: what it returned, or the {@code error.type} of its failure. */
final class StoreOutcome {

  final Object result;
  final String errorType;

  StoreOutcome(Object result, String errorType) {
    this.result = result;
    this.errorType = errorType;
  }

  /** The number of messages the result holds, when it is a collection. */
  Long resultCount() {
    Object value = result instanceof Optional ? ((Optional<?>) result).orElse(null) : result;
    return value instanceof Collection ? (long) ((Collection<?>) value).size() : null;
  }

  /** A cache lookup's result: nothing (null or an empty Optional) is a miss. */
  String cacheResult() {
    boolean miss =
        result == null || (result instanceof Optional && !((Optional<?>) result).isPresent());
    return miss ? GenAiSemconv.CACHE_MISS : GenAiSemconv.CACHE_HIT;
  }
}
