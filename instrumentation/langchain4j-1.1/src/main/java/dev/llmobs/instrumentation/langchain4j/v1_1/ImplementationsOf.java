package dev.llmobs.instrumentation.langchain4j.v1_1;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.implementsInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The types of one LangChain4j model interface: the interface itself (its default methods are where
 * most models' calls pass) and every class implementing it.
 */
abstract class ImplementationsOf implements TypeInstrumentation {

  private final String modelInterface;

  ImplementationsOf(String modelInterface) {
    this.modelInterface = modelInterface;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed(modelInterface);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return implementsInterface(named(modelInterface));
  }
}
