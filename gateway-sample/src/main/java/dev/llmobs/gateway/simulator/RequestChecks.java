package dev.llmobs.gateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks of request values, as a provider makes them: a bad value is a 400 in the provider's error
 * shape (the simulator turns {@link BadRequest} into one), never an exception inside the answer.
 */
final class RequestChecks {

  /** The largest embedding the simulator makes. */
  static final int MAX_DIMENSIONS = 8192;

  /** A request value the provider would reject. */
  static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message, null, false, false);
    }
  }

  private RequestChecks() {}

  /** An optional integer field in [1, max]: its value, or {@code absent} when missing or null. */
  static long positive(JsonNode body, String field, long max, long absent) {
    JsonNode value = body.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return absent;
    }
    if (!value.isIntegralNumber()
        || !value.canConvertToLong()
        || value.asLong() < 1
        || value.asLong() > max) {
      throw new BadRequest(field + " must be an integer from 1 to " + max);
    }
    return value.asLong();
  }

  /** A required integer field in [1, max]. */
  static long requiredPositive(JsonNode body, String field, long max) {
    if (body.path(field).isMissingNode() || body.path(field).isNull()) {
      throw new BadRequest(field + ": Field required");
    }
    return positive(body, field, max, 0);
  }
}
