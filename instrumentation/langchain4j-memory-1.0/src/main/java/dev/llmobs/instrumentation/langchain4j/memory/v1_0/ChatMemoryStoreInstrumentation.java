package dev.llmobs.instrumentation.langchain4j.memory.v1_0;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.implementsInterface;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.llmobs.genai.stores.StoreCall;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/** {@code getMessages}, {@code updateMessages} and {@code deleteMessages} of every store. */
public final class ChatMemoryStoreInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed(LangChain4jMemory.CHAT_MEMORY_STORE);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface())
        .and(not(nameContains("$$"))) // generated proxies: their target is traced
        .and(implementsInterface(named(LangChain4jMemory.CHAT_MEMORY_STORE)));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isPublic()
            .and(not(isAbstract()))
            .and(
                named("getMessages")
                    .and(takesArguments(1))
                    .or(named("updateMessages").and(takesArguments(2)))
                    .or(named("deleteMessages").and(takesArguments(1)))),
        getClass().getName() + "$StoreAdvice");
  }

  @SuppressWarnings("unused")
  public static class StoreAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static StoreCall onEnter(
        @Advice.This Object store,
        @Advice.Origin("#m") String method,
        @Advice.AllArguments Object[] args) {
      return LangChain4jMemory.start(store, method, args);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter StoreCall call,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
        @Advice.Thrown Throwable error) {
      if (call != null) {
        call.end(result, error);
      }
    }
  }
}
