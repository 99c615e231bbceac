package dev.llmobs.instrumentation.googlegenai.v1_18;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;

import dev.llmobs.genai.GenAiHelperClasses;
import io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * com.google.genai:google-genai 1.18 and later: {@code client.models} and {@code
 * client.async.models} generateContent, generateContentStream and embedContent (so also chats,
 * which call them), in Gemini Developer API ({@code gcp.gemini}) and Vertex AI ({@code
 * gcp.vertex_ai}) mode. Disable with {@code
 * -Dotel.instrumentation.llmobs-google-genai.enabled=false}.
 *
 * <p>One span per public call: the public overloads delegate to one another and to package-private
 * methods, and while the outermost one runs the inner ones start nothing. generateContent is a
 * {@code chat} operation, not the semantic conventions' {@code generate_content}: its request is a
 * conversation (a list of contents with roles), and one operation name per kind of call keeps the
 * metrics and cost of every provider comparable.
 */
public final class GoogleGenAiInstrumentationModule extends InstrumentationModule {

  private static final String PACKAGE = "dev.llmobs.instrumentation.googlegenai.v1_18";

  // Names as strings: loading these classes in the agent's class loader, where the SDK is
  // absent, would fail the whole agent's start.
  static final List<String> HELPERS =
      Collections.unmodifiableList(
          Arrays.asList(
              PACKAGE + ".GoogleGenAiCalls",
              PACKAGE + ".GoogleGenAiRequests",
              PACKAGE + ".GoogleGenAiResponses",
              PACKAGE + ".GoogleGenAiStreamAccumulator",
              PACKAGE + ".GoogleGenAiStreamAccumulator$CandidateState",
              PACKAGE + ".GoogleGenAiStreams",
              PACKAGE + ".GoogleGenAiStreams$Followed",
              PACKAGE + ".GoogleGenAiTools"));

  public GoogleGenAiInstrumentationModule() {
    super("llmobs-google-genai", "llmobs-google-genai-1.18");
  }

  @Override
  public ElementMatcher.Junction<ClassLoader> classLoaderMatcher() {
    // Common$BuiltRequest arrived with 1.18.0, when the async models stopped running the blocking
    // methods on a pool (before, an async call would also pass through the blocking methods on
    // another thread, and without context propagation give a second span). Everything else we use
    // is in every release since.
    return hasClassesNamed(
        "com.google.genai.Common$BuiltRequest",
        "com.google.genai.ResponseStream",
        "com.google.genai.types.GenerateContentResponseUsageMetadata");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new ModelsInstrumentation(), new ResponseStreamInstrumentation(), new AfcInstrumentation());
  }

  @Override
  public List<String> getAdditionalHelperClassNames() {
    return GenAiHelperClasses.coreAnd(HELPERS);
  }
}
