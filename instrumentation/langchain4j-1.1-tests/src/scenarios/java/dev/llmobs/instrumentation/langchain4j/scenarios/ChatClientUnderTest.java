package dev.llmobs.instrumentation.langchain4j.scenarios;

/** The framework or SDK call the chat scenarios drive, set up for one fake server. */
public interface ChatClientUnderTest {

  /** A blocking chat call; returns the answer's text and throws what the client throws. */
  String chat(String model, String prompt);

  /** A streamed chat call; every event reaches {@code recorder}, on whatever thread. */
  void streamChat(String model, String prompt, StreamRecorder recorder);
}
