package dev.llmobs.instrumentation.googlegenai.v1_18;

import com.google.genai.types.Content;
import com.google.genai.types.EmbedContentConfig;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.Part;
import dev.llmobs.genai.GenAiMessages;
import dev.llmobs.genai.GenAiRequest;
import dev.llmobs.genai.GenAiSemconv;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Maps a google-genai models call (client, model, input, config) to the neutral request. */
final class GoogleGenAiRequests {

  // The resource-name forms the SDK accepts for a base model; the span names the model itself.
  private static final String[] MODEL_PREFIXES = {"publishers/google/models/", "models/"};

  // The SDK's ApiClient (the models' field apiClient) is package-private in the oldest versions:
  // its mode and HTTP options are read reflectively, once per class loader (helpers are injected
  // into each application class loader that has the SDK).
  private static final String API_CLIENT = "com.google.genai.ApiClient";
  private static volatile Method vertexAi;
  private static volatile Field httpOptions;

  static GenAiRequest chat(
      Object apiClient, String model, Object contents, Object config, boolean stream, int capture) {
    GenerateContentConfig generation =
        config instanceof GenerateContentConfig ? (GenerateContentConfig) config : null;
    GenAiRequest request =
        new GenAiRequest(GenAiSemconv.OPERATION_CHAT, provider(apiClient))
            .requestModel(model(model)).stream(stream);
    server(request, apiClient, generation == null ? null : generation.httpOptions());
    if (generation != null) {
      request
          .temperature(number(generation.temperature()))
          .topP(number(generation.topP()))
          .topK(number(generation.topK()))
          .maxTokens(count(generation.maxOutputTokens()))
          .stopSequences(generation.stopSequences().orElse(null))
          .choiceCount(count(generation.candidateCount()))
          .seed(count(generation.seed()))
          .presencePenalty(number(generation.presencePenalty()))
          .frequencyPenalty(number(generation.frequencyPenalty()));
    }
    if (capture > 0) {
      request.inputMessages(inputMessages(contents, generation, capture));
    }
    return request;
  }

  static GenAiRequest embeddings(Object apiClient, String model, Object config) {
    EmbedContentConfig embedding =
        config instanceof EmbedContentConfig ? (EmbedContentConfig) config : null;
    GenAiRequest request =
        new GenAiRequest(GenAiSemconv.OPERATION_EMBEDDINGS, provider(apiClient))
            .requestModel(model(model));
    server(request, apiClient, embedding == null ? null : embedding.httpOptions());
    if (embedding != null) {
      request.dimensionCount(count(embedding.outputDimensionality()));
    }
    return request;
  }

  /** {@code gcp.vertex_ai} for a client in Vertex AI mode, else {@code gcp.gemini}. */
  static String provider(Object apiClient) {
    return Boolean.TRUE.equals(read(apiClient, true))
        ? GenAiSemconv.PROVIDER_GCP_VERTEX_AI
        : GenAiSemconv.PROVIDER_GCP_GEMINI;
  }

  /** The model id of {@code models/gemini-2.5-flash} and the like; other names as they are. */
  static String model(String model) {
    if (model == null) {
      return null;
    }
    for (String prefix : MODEL_PREFIXES) {
      if (model.startsWith(prefix) && model.length() > prefix.length()) {
        return model.substring(prefix.length());
      }
    }
    return model;
  }

  /** The base URL the call goes to: the request's own HTTP options win over the client's. */
  static void server(GenAiRequest request, Object apiClient, Optional<HttpOptions> perRequest) {
    String baseUrl =
        perRequest == null ? null : perRequest.flatMap(HttpOptions::baseUrl).orElse(null);
    if (baseUrl == null) {
      Object client = read(apiClient, false);
      baseUrl =
          client instanceof HttpOptions ? ((HttpOptions) client).baseUrl().orElse(null) : null;
    }
    request.serverFromUrl(baseUrl);
  }

  /** The client's {@code vertexAI()} or its HTTP options; null when unreadable. */
  private static Object read(Object apiClient, boolean mode) {
    if (apiClient == null) {
      return null;
    }
    try {
      if (vertexAi == null) {
        Class<?> type = apiClient.getClass();
        while (type != null && !API_CLIENT.equals(type.getName())) {
          type = type.getSuperclass();
        }
        if (type == null) {
          return null;
        }
        Field field = type.getDeclaredField("httpOptions");
        field.setAccessible(true);
        httpOptions = field;
        Method method = type.getDeclaredMethod("vertexAI");
        method.setAccessible(true);
        vertexAi = method;
      }
      return mode ? vertexAi.invoke(apiClient) : httpOptions.get(apiClient);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Semantic-convention messages of the text parts: the config's system instruction, then the
   * contents (a text, a content, or a list of contents); the SDK's role {@code model} is the
   * conventions' {@code assistant}.
   */
  static String inputMessages(Object contents, GenerateContentConfig config, int capture) {
    GenAiMessages messages = new GenAiMessages();
    if (config != null && config.systemInstruction().isPresent()) {
      String system = text(config.systemInstruction().get());
      if (system != null) {
        messages.add("system", system, null);
      }
    }
    for (Object item : contentList(contents)) {
      if (item instanceof String) {
        messages.add("user", (String) item, null);
      } else if (item instanceof Content) {
        Content content = (Content) item;
        messages.add(role(content.role().orElse("user")), text(content), null);
      }
    }
    return messages.isEmpty() ? null : messages.toJson(capture);
  }

  private static List<?> contentList(Object contents) {
    if (contents instanceof List) {
      return (List<?>) contents;
    }
    return contents == null ? Collections.emptyList() : Collections.singletonList(contents);
  }

  static String role(String sdkRole) {
    return "model".equals(sdkRole) ? "assistant" : sdkRole;
  }

  /** The text of a content's parts, thoughts left out; null when it has none. */
  static String text(Content content) {
    StringBuilder text = new StringBuilder();
    for (Part part : content.parts().orElse(Collections.<Part>emptyList())) {
      if (part.text().isPresent() && !part.thought().orElse(false)) {
        text.append(part.text().get());
      }
    }
    return text.length() == 0 ? null : text.toString();
  }

  /** A float parameter as the decimal the caller wrote (0.7f is 0.7, not 0.699999988...). */
  static Double number(Optional<Float> value) {
    return value.isPresent() ? Double.valueOf(value.get().toString()) : null;
  }

  static Long count(Optional<Integer> value) {
    return value.isPresent() ? Long.valueOf(value.get()) : null;
  }

  private GoogleGenAiRequests() {}
}
