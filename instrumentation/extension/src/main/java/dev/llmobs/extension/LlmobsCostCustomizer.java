package dev.llmobs.extension;

import dev.llmobs.cost.otel.CostSpanProcessors;
import dev.llmobs.genai.GenAiConfig;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;

/**
 * Registers the cost span processor (cost attributes, cost metrics, usage events) with the agent's
 * tracer provider, for every GenAI span whoever made it. Off with {@code
 * otel.instrumentation.genai.cost.enabled=false}.
 */
public final class LlmobsCostCustomizer implements AutoConfigurationCustomizerProvider {

  @Override
  public void customize(AutoConfigurationCustomizer customizer) {
    customizer.addTracerProviderCustomizer(
        (builder, config) -> {
          GenAiConfig genAiConfig = new GenAiConfig(config::getString);
          if (!genAiConfig.costEnabled()) {
            return builder;
          }
          // GlobalOpenTelemetry is set once the SDK is built; the processor asks for it lazily.
          return builder.addSpanProcessor(
              CostSpanProcessors.create(genAiConfig, GlobalOpenTelemetry::get));
        });
  }
}
