package dev.llmobs.it.demo;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import java.time.Duration;

/**
 * A small agent, as an application would write it: a LangChain4j AI Service with two tools, its
 * OpenAI chat model pointed at the gateway (whose simulator asks for a tool, then answers with the
 * tool's result). It has no observability code: the llmobs agent it runs under makes it observable.
 * The demo and AgentLoopIT run it in a JVM of its own.
 */
public final class AgentLoopApp {

  /** The AI Service: LangChain4j implements it, calling the model and the tools. */
  public interface TravelAssistant {
    String plan(String request);
  }

  /** The tools the model may ask for. */
  public static final class TravelTools {

    @Tool("Current weather of a city")
    public String weather(@P(name = "city", value = "the city") String city) {
      return "sunny, 21C in " + city;
    }

    @Tool("Local time of a city")
    public String localTime(@P(name = "city", value = "the city") String city) {
      return "10:00 in " + city;
    }
  }

  public static void main(String[] args) {
    String baseUrl = args[0];
    OpenAiChatModel model =
        OpenAiChatModel.builder()
            .baseUrl(baseUrl)
            .apiKey("sk-demo-agent")
            .modelName("gpt-4o-mini")
            .maxRetries(0)
            .timeout(Duration.ofSeconds(30))
            .build();
    TravelAssistant assistant =
        AiServices.builder(TravelAssistant.class).chatModel(model).tools(new TravelTools()).build();
    String answer = assistant.plan("Should I pack an umbrella for Lisbon today?");
    System.out.println("agent answered: " + answer);
  }

  private AgentLoopApp() {}
}
