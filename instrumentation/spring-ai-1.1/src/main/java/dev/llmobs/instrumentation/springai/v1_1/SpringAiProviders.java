package dev.llmobs.instrumentation.springai.v1_1;

import dev.llmobs.genai.GenAiSemconv;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one table from a Spring AI model class to {@code gen_ai.provider.name}: keyed by the package
 * of each Spring AI model module, so that every model class of a module (chat, embedding, the
 * OpenAI SDK based ones) and any subclass or generated proxy of them maps alike. Values are the
 * semantic conventions' well-known names where one exists, else the module's own short name.
 */
final class SpringAiProviders {

  /** A model class of no known Spring AI module, such as an application's own ChatModel. */
  static final String OTHER = "_OTHER";

  // Longest prefix first: "org.springframework.ai.azure.openai." before a shorter one would match.
  private static final Map<String, String> BY_PACKAGE = new LinkedHashMap<>();

  static {
    BY_PACKAGE.put("org.springframework.ai.azure.openai.", "azure.ai.openai");
    BY_PACKAGE.put("org.springframework.ai.openaisdk.", GenAiSemconv.PROVIDER_OPENAI);
    BY_PACKAGE.put("org.springframework.ai.openai.", GenAiSemconv.PROVIDER_OPENAI);
    BY_PACKAGE.put("org.springframework.ai.anthropic.", GenAiSemconv.PROVIDER_ANTHROPIC);
    BY_PACKAGE.put("org.springframework.ai.bedrock.", "aws.bedrock");
    BY_PACKAGE.put("org.springframework.ai.vertexai.", "gcp.vertex_ai");
    BY_PACKAGE.put("org.springframework.ai.google.genai.", "gcp.gen_ai");
    BY_PACKAGE.put("org.springframework.ai.mistralai.", "mistral_ai");
    BY_PACKAGE.put("org.springframework.ai.deepseek.", "deepseek");
    BY_PACKAGE.put("org.springframework.ai.watsonx.", "ibm.watsonx.ai");
    BY_PACKAGE.put("org.springframework.ai.ollama.", "ollama");
    BY_PACKAGE.put("org.springframework.ai.huggingface.", "huggingface");
    BY_PACKAGE.put("org.springframework.ai.minimax.", "minimax");
    BY_PACKAGE.put("org.springframework.ai.moonshot.", "moonshot");
    BY_PACKAGE.put("org.springframework.ai.qianfan.", "qianfan");
    BY_PACKAGE.put("org.springframework.ai.zhipuai.", "zhipu_ai");
    BY_PACKAGE.put("org.springframework.ai.oci.", "oci.genai");
    BY_PACKAGE.put("org.springframework.ai.postgresml.", "postgresml");
    BY_PACKAGE.put("org.springframework.ai.transformers.", "onnx");
  }

  private static final ClassValue<String> PROVIDER =
      new ClassValue<String>() {
        @Override
        protected String computeValue(Class<?> type) {
          // A CGLIB or ByteBuddy subclass of a model keeps its superclass's provider.
          for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            String provider = byClassName(c.getName());
            if (provider != null) {
              return provider;
            }
          }
          return OTHER;
        }
      };

  /** The provider of a model instance of {@code modelClass}. */
  static String of(Class<?> modelClass) {
    return PROVIDER.get(modelClass);
  }

  /** The provider of the model class named {@code className}, or null when none matches. */
  static String byClassName(String className) {
    for (Map.Entry<String, String> entry : BY_PACKAGE.entrySet()) {
      if (className.startsWith(entry.getKey())) {
        return entry.getValue();
      }
    }
    return null;
  }

  /**
   * Whether the provider's prompt token count leaves cached input out (Anthropic's does; Spring AI
   * passes it on as is), so that the semantic conventions' input count must add the cache back.
   */
  static boolean countsCacheApart(String provider) {
    return GenAiSemconv.PROVIDER_ANTHROPIC.equals(provider);
  }

  private SpringAiProviders() {}
}
