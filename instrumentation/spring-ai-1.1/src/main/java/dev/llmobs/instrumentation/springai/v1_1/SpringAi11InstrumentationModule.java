package dev.llmobs.instrumentation.springai.v1_1;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;

import net.bytebuddy.matcher.ElementMatcher;

/** Spring AI 1.1.x (tested on 1.1.2, with Spring Boot 3.5). */
public final class SpringAi11InstrumentationModule extends SpringAiInstrumentationModule {

  public SpringAi11InstrumentationModule() {
    super("1.1");
  }

  @Override
  public ElementMatcher.Junction<ClassLoader> classLoaderMatcher() {
    // DefaultEmbeddingOptions first appeared in 1.1.0; ToolExecutionEligibilityPredicate is gone in
    // 2.0.0: both present means the 1.1 line.
    return hasClassesNamed(
        "org.springframework.ai.chat.model.ChatModel",
        "org.springframework.ai.embedding.DefaultEmbeddingOptions",
        "org.springframework.ai.model.tool.ToolExecutionEligibilityPredicate");
  }
}
