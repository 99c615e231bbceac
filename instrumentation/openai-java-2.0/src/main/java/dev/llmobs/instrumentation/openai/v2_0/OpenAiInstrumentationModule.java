package dev.llmobs.instrumentation.openai.v2_0;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;

import dev.llmobs.genai.GenAiHelperClasses;
import io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * com.openai:openai-java 2.0 and later. Disable with {@code
 * -Dotel.instrumentation.llmobs-openai-java.enabled=false}. Our names differ from upstream's
 * {@code openai-java} on purpose: the distro turns upstream's module off so each call has one span.
 */
public final class OpenAiInstrumentationModule extends InstrumentationModule {

  public OpenAiInstrumentationModule() {
    super("llmobs-openai-java", "llmobs-openai-java-2.0");
  }

  @Override
  public ElementMatcher.Junction<ClassLoader> classLoaderMatcher() {
    // The chat-completions service moved to this package in 1.x; ClientOptions.baseUrl() and the
    // Stop/usage accessors we read are stable from 2.0 on.
    return hasClassesNamed(
        "com.openai.services.blocking.chat.ChatCompletionServiceImpl",
        "com.openai.models.chat.completions.ChatCompletionCreateParams");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(
        new ChatCompletionServiceInstrumentation());
  }

  @Override
  public List<String> getAdditionalHelperClassNames() {
    List<String> names = new ArrayList<>(GenAiHelperClasses.NAMES);
    names.add(OpenAiChatMapper.class.getName());
    return names;
  }
}
