package dev.llmobs.instrumentation.langchain4j.v1_1;

import dev.llmobs.genai.GenAiSemconv;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one table from a LangChain4j model to {@code gen_ai.provider.name}. The model's own {@code
 * provider()} ({@code dev.langchain4j.model.ModelProvider}) is asked first; a model that answers
 * {@code OTHER} (the interface default) or has no {@code provider()} (embedding models before 1.19)
 * is named by the package of its class. Constants are matched by name, so a constant that a later
 * LangChain4j adds or removes never breaks the lookup.
 */
final class LangChain4jProviders {

  private static final String MODEL_PACKAGE = "dev.langchain4j.model.";
  private static final String OTHER = "OTHER";

  // ModelProvider constant (null: none), model class package under dev.langchain4j.model. (null:
  // none), gen_ai.provider.name. Registry values where one applies, else custom ones.
  private static final String[][] TABLE = {
    {"OPEN_AI", "openai", GenAiSemconv.PROVIDER_OPENAI},
    // langchain4j-open-ai-official (built on openai-java); it answers OPEN_AI, or AZURE_OPEN_AI
    // or MICROSOFT_FOUNDRY when pointed at Azure.
    {null, "openaiofficial", GenAiSemconv.PROVIDER_OPENAI},
    {"AZURE_OPEN_AI", "azure", GenAiSemconv.PROVIDER_AZURE_OPENAI},
    {"MICROSOFT_FOUNDRY", null, GenAiSemconv.PROVIDER_AZURE_AI_INFERENCE},
    // GitHub Models are served by the Azure AI Inference API (and its SDK, in this module).
    {"GITHUB_MODELS", "github", GenAiSemconv.PROVIDER_AZURE_AI_INFERENCE},
    {"ANTHROPIC", "anthropic", GenAiSemconv.PROVIDER_ANTHROPIC},
    {"AMAZON_BEDROCK", "bedrock", GenAiSemconv.PROVIDER_AWS_BEDROCK},
    {"GOOGLE_AI_GEMINI", "googleai", GenAiSemconv.PROVIDER_GCP_GEMINI},
    {"GOOGLE_VERTEX_AI_GEMINI", "vertexai", GenAiSemconv.PROVIDER_GCP_VERTEX_AI},
    {"GOOGLE_VERTEX_AI_ANTHROPIC", null, GenAiSemconv.PROVIDER_GCP_VERTEX_AI},
    // langchain4j-google-genai talks to either Google endpoint, which the model does not tell.
    {"GOOGLE_GENAI", "google", GenAiSemconv.PROVIDER_GCP_GEN_AI},
    {"MISTRAL_AI", "mistralai", GenAiSemconv.PROVIDER_MISTRAL_AI},
    {"OLLAMA", "ollama", GenAiSemconv.PROVIDER_OLLAMA},
    {"WATSONX", "watsonx", GenAiSemconv.PROVIDER_IBM_WATSONX_AI},
    {"COHERE", "cohere", GenAiSemconv.PROVIDER_COHERE},
  };

  private static final Map<String, String> BY_MODEL_PROVIDER = new HashMap<>();
  private static final Map<String, String> BY_PACKAGE = new HashMap<>();

  static {
    for (String[] row : TABLE) {
      if (row[0] != null) {
        BY_MODEL_PROVIDER.put(row[0], row[2]);
      }
      if (row[1] != null) {
        BY_PACKAGE.put(row[1], row[2]);
      }
    }
  }

  /** The provider name of {@code model}; never null. */
  static String of(Object model) {
    return of(LangChain4jModels.providerConstant(model), model.getClass().getName());
  }

  /**
   * @param modelProvider the name of the {@code ModelProvider} constant the model answered, or null
   * @param className the model's class name
   */
  static String of(String modelProvider, String className) {
    if (modelProvider != null && !OTHER.equals(modelProvider)) {
      String mapped = BY_MODEL_PROVIDER.get(modelProvider);
      // A constant the table does not know yet (VOYAGE_AI, JINA, ...) names itself.
      return mapped != null ? mapped : modelProvider.toLowerCase(Locale.ROOT);
    }
    if (className.startsWith(MODEL_PACKAGE)) {
      int end = className.indexOf('.', MODEL_PACKAGE.length());
      if (end > 0) {
        String mapped = BY_PACKAGE.get(className.substring(MODEL_PACKAGE.length(), end));
        if (mapped != null) {
          return mapped;
        }
      }
    }
    return GenAiSemconv.PROVIDER_OTHER;
  }

  private LangChain4jProviders() {}
}
