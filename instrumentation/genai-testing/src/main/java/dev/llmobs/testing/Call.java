package dev.llmobs.testing;

/** The blocking ways into one call of a Stainless-style SDK service, as the suites name them. */
public enum Call {
  /** {@code client.service().create(params)}. */
  PLAIN,
  /** The service's {@code withOptions(...)}: the same service with other client options. */
  WITH_OPTIONS,
  /** {@code client.withOptions(...).service().create(params)}: a client with other options. */
  CLIENT_WITH_OPTIONS,
  /** {@code client.service().withRawResponse().create(params)}, then {@code parse()}. */
  SERVICE_RAW,
  /** {@code client.withRawResponse().service().create(params)}, then {@code parse()}. */
  CLIENT_RAW
}
