package dev.llmobs.instrumentation.openai.v2_0;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;

import dev.llmobs.genai.GenAiHelperClasses;
import dev.llmobs.genai.stainless.StainlessServiceInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * com.openai:openai-java 2.0 and later: chat completions, the Responses API and embeddings, each
 * blocking, async and streaming, plain or {@code withRawResponse()}. Disable with {@code
 * -Dotel.instrumentation.llmobs-openai-java.enabled=false}. Our names differ from upstream's {@code
 * openai-java} on purpose: the distro turns upstream's module off so each call has one span.
 */
public final class OpenAiInstrumentationModule extends InstrumentationModule {

  private static final String PACKAGE = "dev.llmobs.instrumentation.openai.v2_0";

  // Helpers injected into the application's class loader, besides the GenAI core. Names as
  // strings: loading these classes here, in the agent's class loader where the SDK is absent,
  // would fail the whole agent's start.
  static final List<String> HELPERS =
      Collections.unmodifiableList(
          Arrays.asList(
              PACKAGE + ".OpenAiSdk",
              PACKAGE + ".OpenAiChat",
              PACKAGE + ".OpenAiChatStreamAccumulator",
              PACKAGE + ".OpenAiResponses",
              PACKAGE + ".OpenAiResponsesStreamAccumulator",
              PACKAGE + ".OpenAiEmbeddings"));

  public OpenAiInstrumentationModule() {
    super("llmobs-openai-java", "llmobs-openai-java-2.0");
  }

  @Override
  public ElementMatcher.Junction<ClassLoader> classLoaderMatcher() {
    // The version floor is 2.0 (tested there and on the newest 4.x): AutoPager first appeared in
    // 2.0.0, the service and model classes we use are in every release since.
    return hasClassesNamed(
        "com.openai.core.AutoPager",
        "com.openai.services.blocking.chat.ChatCompletionServiceImpl$WithRawResponseImpl",
        "com.openai.models.responses.ResponseCreateParams");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(
        new StainlessServiceInstrumentation(
            new String[] {
              "com.openai.services.blocking.chat.ChatCompletionServiceImpl",
              "com.openai.services.blocking.ResponseServiceImpl",
              "com.openai.services.blocking.EmbeddingServiceImpl"
            },
            new String[] {
              "com.openai.services.async.chat.ChatCompletionServiceAsyncImpl",
              "com.openai.services.async.ResponseServiceAsyncImpl",
              "com.openai.services.async.EmbeddingServiceAsyncImpl"
            },
            new String[] {
              "com.openai.models.chat.completions.ChatCompletionCreateParams",
              "com.openai.models.responses.ResponseCreateParams",
              "com.openai.models.embeddings.EmbeddingCreateParams"
            },
            "com.openai.core.RequestOptions",
            PACKAGE + ".OpenAiServiceAdvice"));
  }

  @Override
  public List<String> getAdditionalHelperClassNames() {
    return GenAiHelperClasses.coreAnd(GenAiHelperClasses.STAINLESS, HELPERS);
  }
}
