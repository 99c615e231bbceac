package dev.llmobs.instrumentation.googlegenai.v1_18;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.genai.types.Content;
import com.google.genai.types.EmbedContentConfig;
import com.google.genai.types.FunctionCall;
import com.google.genai.types.FunctionDeclaration;
import com.google.genai.types.FunctionResponse;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.Part;
import com.google.genai.types.Tool;
import dev.llmobs.genai.GenAiMessages;
import dev.llmobs.genai.GenAiRequest;
import dev.llmobs.genai.GenAiSemconv;
import dev.llmobs.genai.GenAiToolDefinitions;
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
  private static final ObjectMapper MAPPER = new ObjectMapper();
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
      request.toolDefinitions(toolDefinitions(generation, capture));
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
   * Semantic-convention messages of the contents: the config's system instruction, then the
   * contents (a text, a content, or a list of contents) with their text, function calls ({@code
   * tool_call} parts) and function responses ({@code tool_call_response} parts; a content of only
   * those is the conventions' {@code tool} message). The SDK's role {@code model} is the
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
        String role = role(content.role().orElse("user"));
        messages.add(onlyFunctionResponses(content) ? "tool" : role, text(content), null);
        functionParts(messages, content);
      }
    }
    return messages.isEmpty() ? null : messages.toJson(capture);
  }

  /** The function calls and function responses of {@code content}, as parts of the message. */
  static void functionParts(GenAiMessages messages, Content content) {
    for (Part part : parts(content)) {
      if (part.functionCall().isPresent()) {
        FunctionCall call = part.functionCall().get();
        messages.toolCall(
            call.id().orElse(null), call.name().orElse(null), json(call.args().orElse(null)));
      } else if (part.functionResponse().isPresent()) {
        FunctionResponse response = part.functionResponse().get();
        messages.toolCallResponse(
            response.id().orElse(null), json(response.response().orElse(null)));
      }
    }
  }

  private static boolean onlyFunctionResponses(Content content) {
    List<Part> parts = parts(content);
    for (Part part : parts) {
      if (!part.functionResponse().isPresent()) {
        return false;
      }
    }
    return !parts.isEmpty();
  }

  /**
   * {@code gen_ai.tool.definitions} of the config's tools: function declarations with their
   * parameter schema, Java methods offered for automatic function calling by name (the SDK declares
   * them itself: each round's request has the declarations), built-in tools by type.
   */
  static String toolDefinitions(GenerateContentConfig config, int capture) {
    if (config == null || !config.tools().isPresent()) {
      return null;
    }
    GenAiToolDefinitions definitions = new GenAiToolDefinitions();
    for (Tool tool : config.tools().get()) {
      for (FunctionDeclaration function :
          tool.functionDeclarations().orElse(Collections.<FunctionDeclaration>emptyList())) {
        Object schema = function.parametersJsonSchema().orElse(null);
        definitions.add(
            GenAiSemconv.TOOL_TYPE_FUNCTION,
            function.name().orElse(null),
            function.description().orElse(null),
            schema != null
                ? json(schema)
                : function.parameters().isPresent() ? function.parameters().get().toJson() : null);
      }
      for (Method method : tool.functions().orElse(Collections.<Method>emptyList())) {
        definitions.add(GenAiSemconv.TOOL_TYPE_FUNCTION, method.getName(), null, null);
      }
      builtIn(definitions, tool.googleSearch().isPresent(), "google_search");
      builtIn(definitions, tool.codeExecution().isPresent(), "code_execution");
      builtIn(definitions, tool.urlContext().isPresent(), "url_context");
    }
    return definitions.toJson(capture);
  }

  private static void builtIn(GenAiToolDefinitions definitions, boolean present, String type) {
    if (present) {
      definitions.add(type, type, null, null);
    }
  }

  /**
   * Whether a blocking generateContent with {@code config} runs the SDK's automatic function
   * calling: Java methods offered as tools, and automatic function calling not disabled.
   */
  static boolean callsFunctionsItself(Object config) {
    if (!(config instanceof GenerateContentConfig)) {
      return false;
    }
    GenerateContentConfig generation = (GenerateContentConfig) config;
    if (generation.automaticFunctionCalling().isPresent()
        && generation.automaticFunctionCalling().get().disable().orElse(false)) {
      return false;
    }
    for (Tool tool : generation.tools().orElse(Collections.<Tool>emptyList())) {
      if (!tool.functions().orElse(Collections.<Method>emptyList()).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * JSON of a function call's arguments, a function response, or a schema given as a map: written
   * by the application's Jackson, which the SDK brings. Null when it cannot be written.
   */
  static String json(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return MAPPER.writeValueAsString(value);
    } catch (Exception e) {
      return null;
    }
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

  private static List<Part> parts(Content content) {
    return content.parts().orElse(Collections.<Part>emptyList());
  }

  /** The text of a content's parts, thoughts left out; null when it has none. */
  static String text(Content content) {
    StringBuilder text = new StringBuilder();
    for (Part part : parts(content)) {
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
