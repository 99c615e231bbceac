package dev.llmobs.instrumentation.springai;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;

/** The application's {@code @Tool} methods, as Spring AI's {@code MethodToolCallback}s. */
public class WeatherTools {

  final AtomicInteger calls = new AtomicInteger();

  @Tool(name = "get_weather", description = "Current weather of a city")
  public String getWeather(String city) {
    calls.incrementAndGet();
    return "rainy, 12C in " + city;
  }

  @Tool(name = "get_air_quality", description = "Air quality of a city")
  public String getAirQuality(String city) {
    calls.incrementAndGet();
    throw new IllegalStateException("no air quality for " + city);
  }

  /** The one tool named {@code name}. */
  List<ToolCallback> only(String name) {
    return callbacks().stream().filter(c -> c.getToolDefinition().name().equals(name)).toList();
  }

  List<ToolCallback> callbacks() {
    return List.of(
        MethodToolCallbackProvider.builder().toolObjects(this).build().getToolCallbacks());
  }
}
