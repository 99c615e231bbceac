package dev.llmobs.instrumentation.langchain4j.v1_1;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * {@code EmbeddingModel.embed(String)}, {@code embed(TextSegment)}, {@code embedAll(List)} and,
 * from 1.19 on, {@code embed(EmbeddingRequest)}, wherever implemented: which of them a model
 * overrides and which call which has changed between versions, so all are instrumented and the
 * outermost one the application called owns the span.
 */
public final class EmbeddingModelInstrumentation extends ImplementationsOf {

  static final String EMBEDDING_MODEL = "dev.langchain4j.model.embedding.EmbeddingModel";

  public EmbeddingModelInstrumentation() {
    super(EMBEDDING_MODEL);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isMethod()
            .and(not(isAbstract()))
            .and(takesArguments(1))
            .and(
                named("embed")
                    .and(
                        takesArgument(
                            0,
                            namedOneOf(
                                "java.lang.String",
                                "dev.langchain4j.data.segment.TextSegment",
                                "dev.langchain4j.model.embedding.request.EmbeddingRequest")))
                    .or(named("embedAll").and(takesArgument(0, named("java.util.List"))))),
        getClass().getName() + "$EmbedAdvice");
  }

  @SuppressWarnings("unused")
  public static final class EmbedAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object onEnter(@Advice.This Object model, @Advice.Argument(0) Object input) {
      return LangChain4jCalls.embeddingEnter(model, input);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter Object call,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
        @Advice.Thrown Throwable error) {
      LangChain4jCalls.embeddingExit(call, result, error);
    }

    private EmbedAdvice() {}
  }
}
