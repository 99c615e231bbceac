package dev.llmobs.instrumentation.googlegenai;

import com.google.genai.types.Content;
import com.google.genai.types.FunctionDeclaration;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.Part;
import com.google.genai.types.Schema;
import com.google.genai.types.Tool;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Function calling fixtures: the application's functions (declared by hand, or Java methods for the
 * SDK's automatic function calling) and Gemini's wire answers asking for them.
 */
public final class GeminiTools {

  static final String MODEL = "gemini-2.0-flash";
  static final AtomicInteger CALLS = new AtomicInteger();

  public static String getWeather(String city) {
    CALLS.incrementAndGet();
    return "rainy, 12C in " + city;
  }

  public static String getAirQuality(String city) {
    CALLS.incrementAndGet();
    throw new IllegalStateException("no air quality for " + city);
  }

  static Method method(String name) {
    try {
      return GeminiTools.class.getMethod(name, String.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A config offering Java methods: the SDK runs them itself (automatic function calling). */
  static GenerateContentConfig automatic(String... methods) {
    Method[] offered = Arrays.stream(methods).map(GeminiTools::method).toArray(Method[]::new);
    return GenerateContentConfig.builder().tools(Tool.builder().functions(offered).build()).build();
  }

  /** A config declaring get_weather: the application runs it. */
  static GenerateContentConfig declared() {
    return GenerateContentConfig.builder()
        .tools(
            Tool.builder()
                .functionDeclarations(
                    FunctionDeclaration.builder()
                        .name("get_weather")
                        .description("Current weather of a city")
                        .parameters(
                            Schema.builder()
                                .type("OBJECT")
                                .properties(
                                    Collections.singletonMap(
                                        "city", Schema.builder().type("STRING").build()))
                                .build())
                        .build())
                .build())
        .build();
  }

  /** A model answer asking for {@code name(city=Paris)}, 30 prompt and 12 candidate tokens. */
  static String functionCall(String id, String name) {
    return FakeGemini.response(
        id,
        MODEL,
        "{\"content\":{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"name\":\""
            + name
            + "\",\"args\":{\"city\":\"Paris\"}}}]},\"finishReason\":\"STOP\",\"index\":0}",
        FakeGemini.usage(30, null, 12, null));
  }

  /** The conversation after the application ran get_weather, sent back to the model. */
  static java.util.List<Content> afterToolCall() {
    return Arrays.asList(
        Content.builder().role("user").parts(Part.fromText("Weather?")).build(),
        Content.builder()
            .role("model")
            .parts(Part.fromFunctionCall("get_weather", Map.of("city", "Paris")))
            .build(),
        Content.builder()
            .role("user")
            .parts(
                Part.fromFunctionResponse("get_weather", Map.of("result", "rainy, 12C in Paris")))
            .build());
  }

  private GeminiTools() {}
}
