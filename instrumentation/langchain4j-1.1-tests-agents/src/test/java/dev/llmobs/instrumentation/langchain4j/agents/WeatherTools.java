package dev.llmobs.instrumentation.langchain4j.agents;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.concurrent.atomic.AtomicInteger;

/** The application's tools: two that answer and one that fails. */
public class WeatherTools {

  final AtomicInteger calls = new AtomicInteger();

  @Tool("Current weather of a city")
  public String getWeather(@P(name = "city", value = "the city") String city) {
    calls.incrementAndGet();
    return "rainy, 12C in " + city;
  }

  @Tool("Local time of a city")
  public String getTime(@P(name = "city", value = "the city") String city) {
    calls.incrementAndGet();
    return "10:00 in " + city;
  }

  @Tool("Air quality of a city")
  public String getAirQuality(@P(name = "city", value = "the city") String city) {
    calls.incrementAndGet();
    throw new IllegalStateException("air quality sensor of " + city + " is down");
  }
}
