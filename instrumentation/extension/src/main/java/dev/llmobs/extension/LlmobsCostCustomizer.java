package dev.llmobs.extension;

import dev.llmobs.cost.otel.CostSpanProcessors;
import dev.llmobs.genai.GenAiConfig;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;

/**
 * Registers the cost span processor (cost attributes, cost metrics, usage events) with the agent's
 * tracer provider, for every GenAI span whoever made it, and wraps the sampler so that GenAI spans
 * it drops are still recorded (so priced and counted) but not exported ({@link
 * GenAiRecordingSampler}; off with {@code otel.instrumentation.genai.cost.record-unsampled=false}).
 * All off with {@code otel.instrumentation.genai.cost.enabled=false}.
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
    customizer.addSamplerCustomizer(
        (sampler, config) -> {
          GenAiConfig genAiConfig = new GenAiConfig(config::getString);
          return genAiConfig.costEnabled() && genAiConfig.costRecordUnsampled()
              ? new GenAiRecordingSampler(sampler)
              : sampler;
        });
  }
}
