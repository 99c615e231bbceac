package dev.llmobs.genai.stainless;

import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.nameEndsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Where a Stainless SDK's calls are instrumented (see {@link StainlessCalls}): {@code create} and
 * {@code createStreaming} of each service's {@code WithRawResponseImpl}, blocking and async, and
 * {@code create} of the plain services, blocking and async. Agent side: used by the provider
 * modules' {@code InstrumentationModule}, never injected.
 */
public final class StainlessServiceInstrumentation implements TypeInstrumentation {

  private final List<String> types = new ArrayList<>();
  private final ElementMatcher.Junction<MethodDescription> calls;
  private final String adviceClassName;

  /**
   * @param blockingServices the blocking service implementations, such as {@code
   *     com.openai.services.blocking.EmbeddingServiceImpl}
   * @param asyncServices the async service implementations
   * @param paramsTypes the params classes of the calls to trace (first argument)
   * @param requestOptionsType the SDK's {@code RequestOptions} class (second argument)
   * @param adviceClassName the provider's advice, which hands over to {@link StainlessCalls}
   */
  public StainlessServiceInstrumentation(
      String[] blockingServices,
      String[] asyncServices,
      String[] paramsTypes,
      String requestOptionsType,
      String adviceClassName) {
    for (String service : blockingServices) {
      types.add(service + StainlessCalls.RAW_LAYER);
      types.add(service);
    }
    for (String service : asyncServices) {
      types.add(service + StainlessCalls.RAW_LAYER);
      types.add(service);
    }
    ElementMatcher.Junction<MethodDescription> call =
        isPublic()
            .and(takesArguments(2))
            .and(takesArgument(0, namedOneOf(paramsTypes)))
            .and(takesArgument(1, named(requestOptionsType)));
    this.calls =
        call.and(
            named("create")
                .or(
                    named("createStreaming")
                        .and(isDeclaredBy(nameEndsWith(StainlessCalls.RAW_LAYER)))));
    this.adviceClassName = adviceClassName;
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf(types.toArray(new String[0]));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(calls, adviceClassName);
  }
}
