package dev.llmobs.extension;

import dev.llmobs.genai.GenAiConfig;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The llmobs defaults. They apply in the llmobs agent and with the stock agent plus our extension
 * alike, and every one yields to a system property or environment variable the user sets.
 */
public final class LlmobsDistroCustomizer implements AutoConfigurationCustomizerProvider {

  static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  static final String FALLBACK_SERVICE_NAME = "llmobs-app";

  @Override
  public void customize(AutoConfigurationCustomizer customizer) {
    customizer.addPropertiesSupplier(LlmobsDistroCustomizer::defaultProperties);
    customizer.addResourceCustomizer(LlmobsDistroCustomizer::serviceNameFallback);
    // Bad llmobs options are reported here, once per process; every later reader is quiet.
    customizer.addPropertiesCustomizer(
        config -> {
          GenAiConfig.reportProblems(config::getString);
          return Collections.emptyMap();
        });
  }

  static Map<String, String> defaultProperties() {
    Map<String, String> defaults = new HashMap<>();
    defaults.put("otel.traces.exporter", "otlp");
    // Upstream's openai-java module wraps clients made by its builders in a proxy and would add a
    // second span for the same call; ours covers every client, so the distro turns upstream's off.
    defaults.put("otel.instrumentation.openai-java.enabled", "false");
    return defaults;
  }

  /**
   * When neither the user nor a resource detector (the agent names a service after its jar) gave a
   * service name, use the main class's simple name rather than {@code unknown_service:java}.
   */
  static Resource serviceNameFallback(Resource resource, ConfigProperties config) {
    String current = resource.getAttribute(SERVICE_NAME);
    if (current != null && !current.startsWith("unknown_service")) {
      return resource;
    }
    return resource.merge(Resource.create(Attributes.of(SERVICE_NAME, fallbackServiceName())));
  }

  static String fallbackServiceName() {
    String command = System.getProperty("sun.java.command");
    if (command != null && !command.trim().isEmpty()) {
      String first = command.trim().split("\\s+")[0];
      if (!first.endsWith(".jar")) {
        String simple = first.substring(first.lastIndexOf('.') + 1);
        if (!simple.isEmpty()) {
          return simple;
        }
      }
    }
    return FALLBACK_SERVICE_NAME;
  }
}
