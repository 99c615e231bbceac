package dev.llmobs.instrumentation.langchain4j.v1_1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import org.junit.jupiter.api.Test;

class LangChain4jProvidersTest {

  @Test
  void theModelsOwnProviderIsMappedToTheRegistryValue() {
    assertThat(LangChain4jProviders.of("OPEN_AI", "x.Y")).isEqualTo("openai");
    assertThat(LangChain4jProviders.of("AZURE_OPEN_AI", "x.Y")).isEqualTo("azure.ai.openai");
    assertThat(LangChain4jProviders.of("ANTHROPIC", "x.Y")).isEqualTo("anthropic");
    assertThat(LangChain4jProviders.of("GOOGLE_AI_GEMINI", "x.Y")).isEqualTo("gcp.gemini");
    assertThat(LangChain4jProviders.of("GOOGLE_VERTEX_AI_GEMINI", "x.Y"))
        .isEqualTo("gcp.vertex_ai");
    assertThat(LangChain4jProviders.of("GOOGLE_VERTEX_AI_ANTHROPIC", "x.Y"))
        .isEqualTo("gcp.vertex_ai");
    assertThat(LangChain4jProviders.of("AMAZON_BEDROCK", "x.Y")).isEqualTo("aws.bedrock");
    assertThat(LangChain4jProviders.of("MISTRAL_AI", "x.Y")).isEqualTo("mistral_ai");
    assertThat(LangChain4jProviders.of("OLLAMA", "x.Y")).isEqualTo("ollama");
    assertThat(LangChain4jProviders.of("WATSONX", "x.Y")).isEqualTo("ibm.watsonx.ai");
    assertThat(LangChain4jProviders.of("GITHUB_MODELS", "x.Y")).isEqualTo("azure.ai.inference");
  }

  @Test
  void aConstantTheTableDoesNotKnowNamesItself() {
    assertThat(LangChain4jProviders.of("VOYAGE_AI", "x.Y")).isEqualTo("voyage_ai");
  }

  @Test
  void otherOrNoProviderFallsBackToTheModelsPackage() {
    assertThat(
            LangChain4jProviders.of("OTHER", "dev.langchain4j.model.mistralai.MistralAiChatModel"))
        .isEqualTo("mistral_ai");
    assertThat(LangChain4jProviders.of(null, "dev.langchain4j.model.googleai.GeminiEmbeddingModel"))
        .isEqualTo("gcp.gemini");
    assertThat(
            LangChain4jProviders.of(
                "OTHER", "dev.langchain4j.model.openaiofficial.OpenAiOfficialChatModel"))
        .isEqualTo("openai");
  }

  @Test
  void aModelNobodyCanNameIsOther() {
    assertThat(LangChain4jProviders.of("OTHER", "com.example.MyChatModel")).isEqualTo("_OTHER");
    assertThat(LangChain4jProviders.of(null, "dev.langchain4j.model.embedding.onnx.X"))
        .isEqualTo("_OTHER");
  }

  @Test
  void realModelsOfTheOldestSupportedVersion() {
    assertThat(
            LangChain4jProviders.of(
                OpenAiChatModel.builder().apiKey("k").modelName("gpt-4o").build()))
        .isEqualTo("openai");
    assertThat(
            LangChain4jProviders.of(
                AnthropicChatModel.builder().apiKey("k").modelName("claude").build()))
        .isEqualTo("anthropic");
    // Embedding models have no provider() before 1.19: the package names them.
    assertThat(
            LangChain4jProviders.of(
                OpenAiEmbeddingModel.builder().apiKey("k").modelName("e").build()))
        .isEqualTo("openai");
  }
}
