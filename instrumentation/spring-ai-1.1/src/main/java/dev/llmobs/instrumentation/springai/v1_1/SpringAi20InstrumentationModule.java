package dev.llmobs.instrumentation.springai.v1_1;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;

import net.bytebuddy.matcher.ElementMatcher;

/** Spring AI 2.x (tested on 2.0.1, with Spring Boot 4). */
public final class SpringAi20InstrumentationModule extends SpringAiInstrumentationModule {

  public SpringAi20InstrumentationModule() {
    super("2.0");
  }

  @Override
  public ElementMatcher.Junction<ClassLoader> classLoaderMatcher() {
    // DefaultStructuredOutputChatOptions first appeared in 2.0.0.
    return hasClassesNamed(
        "org.springframework.ai.chat.model.ChatModel",
        "org.springframework.ai.model.tool.DefaultStructuredOutputChatOptions");
  }
}
