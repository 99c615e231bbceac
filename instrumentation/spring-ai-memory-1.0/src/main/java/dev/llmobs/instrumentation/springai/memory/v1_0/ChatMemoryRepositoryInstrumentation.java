package dev.llmobs.instrumentation.springai.memory.v1_0;

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

/** The four methods of every {@code ChatMemoryRepository}. */
public final class ChatMemoryRepositoryInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed(SpringAiMemory.CHAT_MEMORY_REPOSITORY);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface())
        .and(not(nameContains("$$"))) // CGLIB proxies of Spring beans: their target is traced
        .and(implementsInterface(named(SpringAiMemory.CHAT_MEMORY_REPOSITORY)));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isPublic()
            .and(not(isAbstract()))
            .and(
                named("findConversationIds")
                    .and(takesArguments(0))
                    .or(named("findByConversationId").and(takesArguments(1)))
                    .or(named("saveAll").and(takesArguments(2)))
                    .or(named("deleteByConversationId").and(takesArguments(1)))),
        getClass().getName() + "$RepositoryAdvice");
  }

  @SuppressWarnings("unused")
  public static class RepositoryAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static StoreCall onEnter(
        @Advice.This Object repository,
        @Advice.Origin("#m") String method,
        @Advice.AllArguments Object[] args) {
      return SpringAiMemory.start(repository, method, args);
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
