package dev.llmobs.genai;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The core classes every provider module must inject as helpers. There is no muzzle in a Maven
 * build: a class missing here fails silently in production, so GenAiHelperClassesTest checks this
 * list against the compiled classes.
 */
public final class GenAiHelperClasses {

  public static final List<String> NAMES =
      Collections.unmodifiableList(
          Arrays.asList(
              "dev.llmobs.genai.GenAiSemconv",
              "dev.llmobs.genai.GenAiConfig",
              "dev.llmobs.genai.GenAiConfig$Source",
              "dev.llmobs.genai.GenAiRequest",
              "dev.llmobs.genai.GenAiResponse",
              "dev.llmobs.genai.GenAiErrors",
              "dev.llmobs.genai.GenAiAttributesExtractor",
              "dev.llmobs.genai.GenAiSpanNames",
              "dev.llmobs.genai.GenAiInstrumenter",
              "dev.llmobs.genai.GenAiCall",
              "dev.llmobs.genai.GenAiSpanStatus",
              "dev.llmobs.genai.GenAiClientMetrics",
              "dev.llmobs.genai.GenAiClientMetrics$State",
              "dev.llmobs.genai.MetricLabelCap",
              "dev.llmobs.genai.MetricLabelCap$Values",
              "dev.llmobs.genai.GenAiBaggageLabels",
              "dev.llmobs.genai.GenAiStreamAccumulator",
              "dev.llmobs.genai.GenAiStream",
              "dev.llmobs.genai.GenAiStream$TracingSpliterator",
              "dev.llmobs.genai.GenAiMessages",
              "dev.llmobs.genai.GenAiJsonContent",
              "dev.llmobs.genai.GenAiProviderCalls",
              "dev.llmobs.genai.GenAiServiceCalls",
              "dev.llmobs.genai.GenAiServiceCalls$1",
              "dev.llmobs.genai.LlmobsVersion"));

  private GenAiHelperClasses() {}
}
