package dev.llmobs.instrumentation.stores;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isOverriddenFrom;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.not;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The store methods of every class that is, extends or implements one configured entry: the public
 * instance methods the entry's type declares (or inherits) whose name is mapped, or, without a map,
 * starts with one of the default prefixes.
 */
final class ConfiguredStoreInstrumentation implements TypeInstrumentation {

  private final StoreEntryChecks checks;

  ConfiguredStoreInstrumentation(StoreEntryChecks checks) {
    this.checks = checks;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed(checks.spec().className());
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    ElementMatcher.Junction<TypeDescription> stores =
        not(isInterface())
            .and(not(nameContains("$$"))) // generated proxies: their target is traced
            .and(hasSuperType(named(checks.spec().className())));
    return type -> {
      boolean matches = stores.matches(type);
      if (matches) {
        checks.matched(type);
      }
      return matches;
    };
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        methods(checks.spec()),
        ConfiguredStoresInstrumentationModule.PACKAGE + ".ConfiguredStoreAdvice");
  }

  static ElementMatcher.Junction<MethodDescription> methods(StoreSpec spec) {
    ElementMatcher.Junction<MethodDescription> names;
    if (!spec.methods().isEmpty()) {
      names = namedOneOf(spec.methods().keySet().toArray(new String[0]));
    } else {
      names = none();
      for (String prefix : StoreSpec.defaultPrefixes()) {
        names = names.or(nameStartsWith(prefix));
      }
    }
    return isPublic()
        .and(not(isStatic()))
        .and(not(isAbstract()))
        .and(not(isSynthetic()))
        .and(names)
        .and(isOverriddenFrom(named(spec.className())));
  }
}
