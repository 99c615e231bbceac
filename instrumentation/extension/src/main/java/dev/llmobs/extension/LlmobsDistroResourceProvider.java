package dev.llmobs.extension;

import dev.llmobs.genai.LlmobsVersion;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ResourceProvider;
import io.opentelemetry.sdk.resources.Resource;

/**
 * Names llmobs as the distribution on the resource ({@code telemetry.distro.name=llmobs}, {@code
 * telemetry.distro.version}), as upstream's own distribution resource provider does for the stock
 * agent, so an operator can tell which build produced a span. Applies in the llmobs agent and with
 * the stock agent plus our extension alike.
 */
public final class LlmobsDistroResourceProvider implements ResourceProvider {

  static final String DISTRO_NAME = "llmobs";
  static final AttributeKey<String> TELEMETRY_DISTRO_NAME =
      AttributeKey.stringKey("telemetry.distro.name");
  static final AttributeKey<String> TELEMETRY_DISTRO_VERSION =
      AttributeKey.stringKey("telemetry.distro.version");

  // Resources are merged in this order, later ones winning: upstream's distribution provider has
  // order 0 (its name and version are replaced), the one for otel.resource.attributes has
  // Integer.MAX_VALUE - 1 (what the user sets still wins).
  static final int ORDER = 100;

  @Override
  public Resource createResource(ConfigProperties config) {
    return Resource.create(
        Attributes.of(
            TELEMETRY_DISTRO_NAME, DISTRO_NAME, TELEMETRY_DISTRO_VERSION, LlmobsVersion.VERSION));
  }

  @Override
  public int order() {
    return ORDER;
  }
}
