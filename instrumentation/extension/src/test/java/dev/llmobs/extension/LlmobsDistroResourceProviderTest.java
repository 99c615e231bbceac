package dev.llmobs.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmobs.genai.LlmobsVersion;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LlmobsDistroResourceProviderTest {

  @Test
  void versionIsTheBuiltProjectVersion() {
    assertThat(LlmobsVersion.VERSION).matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?");
  }

  @Test
  void autoconfiguredResourceNamesLlmobs() {
    Resource resource = autoconfiguredResource(new HashMap<>());

    assertThat(resource.getAttribute(LlmobsDistroResourceProvider.TELEMETRY_DISTRO_NAME))
        .isEqualTo("llmobs");
    assertThat(resource.getAttribute(LlmobsDistroResourceProvider.TELEMETRY_DISTRO_VERSION))
        .isEqualTo(LlmobsVersion.VERSION);
  }

  @Test
  void whatTheUserSetsWins() {
    Map<String, String> properties = new HashMap<>();
    properties.put("otel.resource.attributes", "telemetry.distro.name=my-build");

    Resource resource = autoconfiguredResource(properties);

    assertThat(resource.getAttribute(LlmobsDistroResourceProvider.TELEMETRY_DISTRO_NAME))
        .isEqualTo("my-build");
    assertThat(resource.getAttribute(LlmobsDistroResourceProvider.TELEMETRY_DISTRO_VERSION))
        .isEqualTo(LlmobsVersion.VERSION);
  }

  @Test
  void canBeSwitchedOffLikeAnyResourceProvider() {
    Map<String, String> properties = new HashMap<>();
    properties.put(
        "otel.java.disabled.resource.providers", LlmobsDistroResourceProvider.class.getName());

    Resource resource = autoconfiguredResource(properties);

    assertThat(resource.getAttribute(LlmobsDistroResourceProvider.TELEMETRY_DISTRO_NAME)).isNull();
  }

  /** The resource the SDK builds with this module's SPI files, as the agent builds it. */
  static Resource autoconfiguredResource(Map<String, String> properties) {
    properties.put("otel.traces.exporter", "none");
    properties.put("otel.metrics.exporter", "none");
    properties.put("otel.logs.exporter", "none");
    properties.put("otel.instrumentation.genai.cost.enabled", "false");
    AtomicReference<Resource> resource = new AtomicReference<>();
    AutoConfiguredOpenTelemetrySdk.builder()
        // A customizer, not a supplier: it overrides the defaults our own customizer supplies.
        .addPropertiesCustomizer(config -> properties)
        .addResourceCustomizer(
            (built, config) -> {
              resource.set(built);
              return built;
            })
        .disableShutdownHook()
        .build()
        .getOpenTelemetrySdk()
        .close();
    return resource.get();
  }
}
